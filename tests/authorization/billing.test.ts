import type { DB } from "../../subgraphs/billing/db/tables";
import { billingSubgraph } from "../../subgraphs/billing/subgraph";
import { encodeKey } from "../../subgraphs/kit";
import { describeEachDatabase } from "../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { REP_RETAILER } from "../helpers/testCaller";
import { ANALYST, AOLAN_PARTNER, codes, freshKey } from "./callers";

const ACCOUNT = `query ($n: String!) { billingAccount(number: $n) { number holderName contactPhoneMasked address addressLatin lines { number memberName } invoices(first: 1) { number items { lineNumber } } } }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on BillingAccount { holderName } ... on Invoice { totalYuan } } }`;
const SOURCE = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Timeline { billingEvents { id } } ... on OpenMattersView { billingMatters { id } } ... on CustomerLookup { billingMatches { externalId } }
} }`;
const DISPUTE = `mutation ($key: String!) { openBillingDispute(accountNumber: "BA-1001", invoiceNumber: "INV-1001-0024", reason: "x", idempotencyKey: $key) { id } }`;

describeEachDatabase("authorization: billing subgraph", (target) => {
  let subgraph: TestSubgraph<DB>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(billingSubgraph, target);
  });
  afterAll(async () => subgraph.stop());

  it("an analyst sees S1's account with the address reduced to the city and line numbers masked; amounts and names stay", async () => {
    const rep = (await subgraph.query(ACCOUNT, { n: "BA-1001" }, REP_RETAILER)).body.data.billingAccount;
    const { body } = await subgraph.query(ACCOUNT, { n: "BA-1001" }, ANALYST);
    expect(body.errors).toBeUndefined();
    const seen = body.data.billingAccount;
    expect(rep.address).toBe("武汉市洪山区珞喻路88号");
    expect(seen.address).toBe("武汉市***");
    expect(seen.addressLatin).toBe("Wuhan ***");
    expect(rep.lines[0].number).toBe("13807191234");
    expect(seen.lines).toEqual([{ number: "138****1234", memberName: "王磊" }]);
    expect(seen.invoices[0].number).toBe(rep.invoices[0].number);
    expect(rep.invoices[0].items.map((i: { lineNumber: string | null }) => i.lineNumber)).toContain("13807191234");
    expect(seen.invoices[0].items.map((i: { lineNumber: string | null }) => i.lineNumber)).not.toContain("13807191234");
  });

  it("a maker partner gets no billing detail: root fields, entities and the customer-360 contributions", async () => {
    const root = await subgraph.query(ACCOUNT, { n: "BA-1001" }, AOLAN_PARTNER);
    expect(root.body.data.billingAccount).toBeNull();
    expect(codes(root.body)).toEqual(["FORBIDDEN"]);
    expect(root.body.errors[0].message).toMatch(/not shared with partners|the partner role may not use the query/);

    const entities = await subgraph.query(ENTITIES, { reps: [{ __typename: "BillingAccount", number: "BA-1001" }, { __typename: "Invoice", number: "INV-1001-0024" }] }, AOLAN_PARTNER);
    expect(entities.body.data._entities).toEqual([null, null]);
    expect(codes(entities.body)).toEqual(["FORBIDDEN", "FORBIDDEN"]);

    const reps = [
      { __typename: "Timeline", key: encodeKey({ customerId: "C-S4", first: 20, after: null, sources: null, kinds: null, since: null, until: null, ids: { billing: ["BA-4001"] } }) },
      { __typename: "OpenMattersView", key: encodeKey({ customerId: "C-S4", ids: { billing: ["BA-4001"] } }) },
      { __typename: "CustomerLookup", key: encodeKey({ kind: "reference", value: "BA-4001" }) },
    ];
    const rep = await subgraph.query(SOURCE, { reps }, REP_RETAILER);
    expect(rep.body.data._entities[0].billingEvents.length).toBeGreaterThan(0);
    expect(rep.body.data._entities[1].billingMatters.length).toBeGreaterThan(0);
    expect(rep.body.data._entities[2].billingMatches.length).toBe(1);
    const partner = await subgraph.query(SOURCE, { reps }, AOLAN_PARTNER);
    expect(partner.body.errors).toBeUndefined();
    expect(partner.body.data._entities).toEqual([{ billingEvents: [] }, { billingMatters: [] }, { billingMatches: [] }]);

    const dispute = await subgraph.query(DISPUTE, { key: freshKey("partner-dispute") }, AOLAN_PARTNER);
    expect(codes(dispute.body)).toEqual(["FORBIDDEN"]);
  });
});
