/**
 * Issue 10 item 6: idempotency keys are the caller's own and bound to the request. The same
 * caller + key + arguments replays the first answer; the same key with other arguments is
 * CONFLICT naming the key; another caller's same key is independent. Through the real
 * gateway in production mode.
 */
import { newKey, startProductionGraph, type ProductionGraph } from "./productionGraph";
import { SUBGRAPH_NAMES } from "../helpers/graphHarness";

const LOG_CONTACT = `mutation Log($input: ContactLogInput!, $key: String!) { logContact(input: $input, idempotencyKey: $key) { id note party } }`;
const REP = { role: "rep" as const, org: "yougou", sub: "rep-idem-chen" };
const OTHER_REP = { role: "rep" as const, org: "yougou", sub: "rep-idem-wang" };
const PARTNER = { role: "partner" as const, org: "aolan", sub: "partner-idem-aolan" };
const contact = (note: string, party = "yougou") => ({ customerId: "C-S1", party, channel: "PHONE", direction: "OUTBOUND", outcome: "REACHED", note });

describe("idempotency keys per caller and per request (production mode)", () => {
  let prod: ProductionGraph;
  beforeAll(async () => {
    prod = await startProductionGraph();
  });
  afterAll(() => prod?.stop());

  const contactsWith = async (note: string) => {
    const customers = await prod.graph.database("customers");
    return customers.db.selectFrom("contacts").select("id").where("note", "=", note).execute();
  };

  it("replays the first answer for the same caller, key and arguments", async () => {
    const key = newKey("same");
    const first = await prod.query(REP, LOG_CONTACT, { input: contact("idem same"), key });
    const again = await prod.query(REP, LOG_CONTACT, { input: contact("idem same"), key });
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(await contactsWith("idem same")).toHaveLength(1);
  });

  it("answers CONFLICT naming the key when it is reused with other arguments, and changes nothing", async () => {
    const key = newKey("other-args");
    await prod.query(REP, LOG_CONTACT, { input: contact("idem first"), key });
    const { body } = await prod.query(REP, LOG_CONTACT, { input: contact("idem second"), key });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: "CONFLICT", idempotencyKey: key });
    expect(body.errors[0].message).toContain(key);
    expect(await contactsWith("idem second")).toHaveLength(0);
  });

  it("runs another caller's same key as its own request, never replaying the first caller's answer", async () => {
    const key = newKey("shared");
    const first = await prod.query(REP, LOG_CONTACT, { input: contact("idem shared"), key });
    const second = await prod.query(OTHER_REP, LOG_CONTACT, { input: contact("idem shared"), key });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.logContact.id).not.toBe(first.body.data.logContact.id);
    expect(await contactsWith("idem shared")).toHaveLength(2);

    // A partner reusing the key with its own request gets its own answer, not the rep's.
    const partner = await prod.query(PARTNER, LOG_CONTACT, { input: contact("idem partner", "aolan"), key });
    expect(partner.body.errors).toBeUndefined();
    expect(partner.body.data.logContact).toMatchObject({ party: "aolan" });
    expect(partner.body.data.logContact.id).not.toBe(first.body.data.logContact.id);
  });

  it("scopes keys per caller in every subgraph's table (the kit's step 002 applied everywhere)", async () => {
    for (const name of SUBGRAPH_NAMES) {
      const database = await prod.graph.database(name);
      const applied = await database.db.selectFrom("kit_migrations").select("name").execute();
      expect(applied.map((row: any) => row.name)).toContain("002_idempotency_per_caller");
      await database.db.selectFrom("idempotency_keys").select(["subject", "key", "request_hash"]).limit(1).execute();
    }
  });
});
