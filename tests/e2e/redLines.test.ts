import { INTERNAL_TOKEN_HEADER } from "../../common/internalToken";
import type { Graph } from "../helpers/graphHarness";
import { sharedGraph } from "../helpers/sharedGraph";

/** Issue 4's "tests show" list, through the real gateway and real subgraph processes. */
describe("red lines through the gateway", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await sharedGraph();
  });
  afterAll(() => graph?.stop());

  it("gives an analyst S2's customer with phone, email and login IPs masked, history intact", async () => {
    const analyst = { role: "analyst" as const, org: "platform", sub: "analyst-zhou" };
    const { body } = await graph.query(
      `{ customersByPhone(phone: "13912345678") { id name email phones { number } address securityLogins { id attempts(first: 5) { at ip result } } } }`,
      {},
      { caller: analyst },
    );
    const [customer] = body.data.customersByPhone;
    expect(customer).toMatchObject({ id: "C-S2", name: "李娜" });
    expect(customer.phones[0].number).toBe("139****5678");
    expect(customer.email).toMatch(/^l\*+@example\.cn$/);
    expect(customer.address).not.toContain("中山路 321 号");
    const attempts = customer.securityLogins[0].attempts;
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) expect(attempt.ip).toMatch(/\*/);
    expect(JSON.stringify(body)).not.toMatch(/13912345678|lina@example\.cn/);
  });

  it("keeps a maker partner to its own cases and out of billing", async () => {
    const aolan = { role: "partner" as const, org: "aolan", sub: "partner-aolan" };
    const own = await graph.query(`{ serviceCase(number: "CS-AL-0001") { number maker } }`, {}, { caller: aolan });
    expect(own.body.data.serviceCase).toEqual({ number: "CS-AL-0001", maker: "aolan" });
    const other = await graph.query(`{ serviceCase(number: "CS-HW-0707") { number maker } }`, {}, { caller: aolan });
    expect(other.body.data.serviceCase).toBeNull();
    expect(other.body.errors[0].extensions.code).toBe("FORBIDDEN");
    const billing = await graph.query(`{ billingAccount(number: "BA-1001") { number balanceYuan invoices { number } } }`, {}, { caller: aolan });
    expect(billing.body.data?.billingAccount ?? null).toBeNull();
    expect(billing.body.errors.map((e: any) => e.extensions.code)).toContain("FORBIDDEN");
  });

  it("refuses a request sent straight to a subgraph without the gateway's token, and one with a forged token", async () => {
    const billing = graph.subgraphs.get("billing")!.url;
    const document = JSON.stringify({ query: `{ billingAccount(number: "BA-1001") { number balanceYuan } }` });
    const bare = await fetch(billing, { method: "POST", headers: { "content-type": "application/json" }, body: document });
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const forged = await fetch(billing, { method: "POST", headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." }, body: document });
    expect(forged.status).toBe(401);
    // A client token is not a gateway token either.
    const client = await fetch(billing, { method: "POST", headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: await graph.token({ role: "supervisor", org: "platform" }) }, body: document });
    expect(client.status).toBe(401);
  });
});
