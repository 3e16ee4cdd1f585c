import { ApolloServer } from "@apollo/server";
import { parse, type OperationDefinitionNode } from "graphql";
import type { Caller } from "../../../common/caller";
import { codedError, ErrorCode } from "../../../common/errorCodes";
import { formatError } from "../../../common/formatError";
import type { GatewayContext } from "../../../gateway/GatewayContext";
import { auditTrailPlugin, classifyOutcome, selectedFieldPaths } from "../../../gateway/plugins/auditTrail";
import { auditSubgraph } from "../../../subgraphs/audit/subgraph";
import type { DB } from "../../../subgraphs/audit/db/tables";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_MAKER, REP_RETAILER, SUPERVISOR, TEST_SIGNER } from "../../helpers/testCaller";
import { generateKeyPairSync } from "node:crypto";
import { TRAIL } from "./helpers";

/** A toy graph shaped like ours: customers found by phone, one by id, a guarded detail, orders that can fail, a mutation. */
const TYPE_DEFS = `#graphql
  type Query {
    customer(id: ID!): Customer
    findCustomers(identifier: String!): CustomerSearch!
    products: [Product!]!
  }
  type Mutation { addContactNote(customerId: ID!, text: String!): Boolean! }
  type Customer { id: ID! name: String! phone: String orders: [ToyOrder!] }
  type ToyOrder { number: String! total: Int! }
  type CustomerSearch { candidates: [Candidate!]! }
  type Candidate { customer: Customer! matchedBy: String! }
  type Product { sku: String! title: String! }
`;

const PEOPLE: Record<string, { id: string; name: string }> = {
  "C-S1": { id: "C-S1", name: "王磊 Wang Lei" },
  "C-S6": { id: "C-S6", name: "周杰 Zhou Jie" },
};

const resolvers = {
  Query: {
    customer: (_: unknown, { id }: { id: string }) => {
      if (!/^C-/.test(id)) throw codedError(ErrorCode.BAD_USER_INPUT, "not a customer id");
      return PEOPLE[id] ?? null;
    },
    findCustomers: (_: unknown, { identifier }: { identifier: string }) => ({
      candidates: identifier === "+86 137 6666 0606" ? [{ customer: PEOPLE["C-S6"], matchedBy: "phone" }] : [],
    }),
    products: () => [{ sku: "AL-EH60", title: "Aolan water heater" }],
  },
  Mutation: { addContactNote: () => true },
  Customer: {
    // A guarded detail: refused to everyone but supervisors (no test caller here is one).
    phone: (_customer: unknown, _: unknown, context: GatewayContext) => {
      if (context.caller.role !== "supervisor") throw codedError(ErrorCode.VERIFICATION_REQUIRED, "verify the caller first");
      return "+86 137 6666 0606";
    },
    orders: (customer: { id: string }) => {
      if (customer.id === "C-S1") throw codedError(ErrorCode.SUBGRAPH_UNAVAILABLE, 'subgraph "orders" is unavailable');
      return [{ number: "YG-20261010-0707", total: 599900 }];
    },
  },
};

function toyServer(auditUrl: string): ApolloServer<GatewayContext> {
  return new ApolloServer<GatewayContext>({ typeDefs: TYPE_DEFS, resolvers, formatError, plugins: [auditTrailPlugin({ auditUrl, signer: TEST_SIGNER, timeoutMs: 2000 })] });
}

async function run(server: ApolloServer<GatewayContext>, caller: Caller, query: string, variables: Record<string, unknown> = {}, reported: string[] = []) {
  const response = await server.executeOperation({ query, variables }, { contextValue: { caller, fetches: [], customerIds: new Set(reported) } });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { status: response.http.status, ...response.body.singleResult } as { status?: number; data?: any; errors?: any[] };
}

describe("audit trail plugin: field paths and outcomes", () => {
  const operationOf = (source: string) => {
    const document = parse(source);
    return { document, operation: document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode };
  };

  it("walks the operation with fragments expanded, by field name, leaves only, without __typename", () => {
    const { document, operation } = operationOf(`
      query Q($id: ID!) {
        who: customer(id: $id) { ...Basics orders { ...OrderBits } __typename }
        findCustomers(identifier: "x") { candidates { matchedBy customer { ... on Customer { id } } } }
      }
      fragment Basics on Customer { id name }
      fragment OrderBits on ToyOrder { number total }`);
    expect(selectedFieldPaths(document, operation).sort()).toEqual(
      ["customer.id", "customer.name", "customer.orders.number", "customer.orders.total", "findCustomers.candidates.customer.id", "findCustomers.candidates.matchedBy"].sort(),
    );
  });

  it("caps the paths at 200 and says how many more there were", () => {
    const { document, operation } = operationOf(`{ customer(id: "C-S1") { ${Array.from({ length: 250 }, (_, i) => `f${i}`).join(" ")} } }`);
    const paths = selectedFieldPaths(document, operation);
    expect(paths).toHaveLength(201);
    expect(paths[0]).toBe("customer.f0");
    expect(paths[200]).toBe("… 50 more");
  });

  it("classifies OK, DENIED, PARTIAL and ERROR", () => {
    const denied = { message: "no", extensions: { code: "VERIFICATION_REQUIRED" } };
    const failed = { message: "down", extensions: { code: "SUBGRAPH_UNAVAILABLE" } };
    expect(classifyOutcome({ data: { a: 1 } })).toEqual({ outcome: "OK", errorCodes: [] });
    expect(classifyOutcome({ data: { a: { b: null } }, errors: [denied, { ...denied }] })).toEqual({ outcome: "DENIED", errorCodes: ["VERIFICATION_REQUIRED"] });
    expect(classifyOutcome({ data: { a: 1 }, errors: [denied, failed] })).toEqual({ outcome: "PARTIAL", errorCodes: ["VERIFICATION_REQUIRED", "SUBGRAPH_UNAVAILABLE"] });
    expect(classifyOutcome({ data: { a: null }, errors: [failed] })).toEqual({ outcome: "ERROR", errorCodes: ["SUBGRAPH_UNAVAILABLE"] });
    expect(classifyOutcome({ errors: [{ message: "??" }] })).toEqual({ outcome: "ERROR", errorCodes: ["INTERNAL_SERVER_ERROR"] });
  });
});

describeEachDatabase("audit trail plugin against a real audit subgraph", (target) => {
  let audit: TestSubgraph<DB>;
  let server: ApolloServer<GatewayContext>;
  const suffix = `${target.label}-${Date.now().toString(36)}`;
  const rep = (base: Caller): Caller => ({ ...base, subject: `${base.subject}-${suffix}` });
  const chen = rep(REP_RETAILER);
  const li = rep(REP_MAKER);

  beforeAll(async () => {
    audit = await startTestSubgraph(auditSubgraph, target);
    server = toyServer(audit.running.url);
  });
  afterAll(async () => {
    await server.stop();
    await audit.stop();
  });

  const trailOf = async (variables: Record<string, unknown>) => {
    const result = await audit.query(TRAIL, { first: 100, ...variables }, SUPERVISOR);
    expect(result.body.errors).toBeUndefined();
    return result.body.data.auditTrail.entries as any[];
  };

  it("puts every read of the run in the trail with the right actor, newest first", async () => {
    const reads: Array<[Caller, string, string, Record<string, unknown>]> = [
      [chen, "FindCaller", `query FindCaller($p: String!) { findCustomers(identifier: $p) { candidates { matchedBy customer { id name } } } }`, { p: "+86 137 6666 0606" }],
      [li, "WangLei", `query WangLei { customer(id: "C-S1") { name } }`, {}],
      [chen, "ZhouJie", `query ZhouJie($id: ID!) { customer(id: $id) { ...Who } } fragment Who on Customer { id name }`, { id: "C-S6" }],
      [li, "Catalog", `query Catalog { products { sku title } }`, {}],
    ];
    for (const [caller, , query, variables] of reads) {
      const result = await run(server, caller, query, variables);
      expect(result.errors).toBeUndefined();
    }
    const chenTrail = await trailOf({ actorSubject: chen.subject });
    const liTrail = await trailOf({ actorSubject: li.subject });
    expect(chenTrail.map((e) => e.operationName)).toEqual(["ZhouJie", "FindCaller"]);
    expect(liTrail.map((e) => e.operationName)).toEqual(["Catalog", "WangLei"]);
    for (const [caller, name] of reads) {
      const found = [...chenTrail, ...liTrail].filter((e) => e.operationName === name);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ actorSubject: caller.subject, actorName: caller.name, role: caller.role, organization: caller.organization, operationType: "QUERY", outcome: "OK" });
    }
    const find = chenTrail.find((e) => e.operationName === "FindCaller");
    expect(find.customerIds).toEqual(["C-S6"]);
    expect(find.fields.sort()).toEqual(["findCustomers.candidates.customer.id", "findCustomers.candidates.customer.name", "findCustomers.candidates.matchedBy"]);
    expect(chenTrail.find((e) => e.operationName === "ZhouJie").fields.sort()).toEqual(["customer.id", "customer.name"]);
    // Without id in the answer the argument still names the customer.
    expect(liTrail.find((e) => e.operationName === "WangLei").customerIds).toEqual(["C-S1"]);
    expect(liTrail.find((e) => e.operationName === "Catalog").customerIds).toEqual([]);

    const s6 = (await trailOf({ customerId: "C-S6", actorSubject: chen.subject })).map((e) => e.operationName);
    expect(s6).toEqual(["ZhouJie", "FindCaller"]);
  });

  it("records refusals as DENIED, partial answers as PARTIAL, failures as ERROR", async () => {
    const denied = await run(server, chen, `query Phone { customer(id: "C-S6") { name phone } }`);
    expect(denied.errors?.[0].extensions.code).toBe("VERIFICATION_REQUIRED");
    const partial = await run(server, chen, `query Orders { customer(id: "C-S1") { name orders { number } } }`);
    expect(partial.data.customer.name).toBe("王磊 Wang Lei");
    const failed = await run(server, chen, `query Bad { customer(id: "nope") { name } }`);
    expect(failed.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");

    const entries = await trailOf({ actorSubject: chen.subject });
    const byName = (name: string) => entries.find((e) => e.operationName === name);
    expect(byName("Phone")).toMatchObject({ outcome: "DENIED", errorCodes: ["VERIFICATION_REQUIRED"], customerIds: ["C-S6"] });
    expect(byName("Orders")).toMatchObject({ outcome: "PARTIAL", errorCodes: ["SUBGRAPH_UNAVAILABLE"], customerIds: ["C-S1"] });
    expect(byName("Bad")).toMatchObject({ outcome: "ERROR", errorCodes: ["BAD_USER_INPUT"], customerIds: [] });
  });

  it("records mutations and the customer ids subgraphs reported (contextValue.customerIds)", async () => {
    const result = await run(server, li, `mutation Note($c: ID!) { addContactNote(customerId: $c, text: "called back") }`, { c: "C-S7" });
    expect(result.data.addContactNote).toBe(true);
    // A read whose answer names no customer, but the subgraphs said whose data they served.
    await run(server, li, `query Catalog2 { products { sku } }`, {}, ["C-S4", "C-S5"]);
    const entries = await trailOf({ actorSubject: li.subject });
    expect(entries.find((e) => e.operationName === "Note")).toMatchObject({ operationType: "MUTATION", customerIds: ["C-S7"], fields: ["addContactNote"], outcome: "OK" });
    expect(entries.find((e) => e.operationName === "Catalog2").customerIds).toEqual(["C-S4", "C-S5"]);
    expect((await trailOf({ customerId: "C-S5" })).some((e) => e.actorSubject === li.subject && e.operationName === "Catalog2")).toBe(true);
  });

  it("does not record operations that never ran (parse errors, introspection only)", async () => {
    const who = rep({ ...SUPERVISOR, role: "rep", subject: "rep-quiet" });
    await run(server, who, `query Broken { customer(id: "C-S1") { name `);
    await run(server, who, `query Unknown { customer(id: "C-S1") { shoeSize } }`);
    await run(server, who, `query Intro { __schema { queryType { name } } }`);
    expect(await trailOf({ actorSubject: who.subject })).toEqual([]);
    await run(server, who, `query Real { products { sku } }`);
    expect((await trailOf({ actorSubject: who.subject })).map((e) => e.operationName)).toEqual(["Real"]);
  });

  it("fails closed when the trail cannot be written and customer data was touched", async () => {
    // Nothing listens on port 9 (discard): every audit write fails.
    const blind = toyServer("http://127.0.0.1:9/graphql");
    try {
      const read = await run(blind, chen, `query ZhouJie { customer(id: "C-S6") { name } }`);
      expect(read.data).toBeUndefined();
      expect(read.errors).toEqual([expect.objectContaining({ extensions: { code: "AUDIT_UNAVAILABLE" } })]);
      expect(read.status).toBe(503);
      const found = await run(blind, chen, `{ findCustomers(identifier: "+86 137 6666 0606") { candidates { customer { id name } } } }`);
      expect(found.errors?.[0].extensions.code).toBe("AUDIT_UNAVAILABLE");
      const change = await run(blind, chen, `mutation { addContactNote(customerId: "C-S6", text: "x") }`);
      expect(change.errors?.[0].extensions.code).toBe("AUDIT_UNAVAILABLE");
      // No customer touched: the answer goes out, the failure is only logged.
      const catalog = await run(blind, chen, `{ products { sku } }`);
      expect(catalog.errors).toBeUndefined();
      expect(catalog.data.products).toEqual([{ sku: "AL-EH60" }]);
    } finally {
      await blind.stop();
    }
  });

  it("fails closed too when the audit subgraph refuses the write (signed with a key it does not know)", async () => {
    const wrongSecret = new ApolloServer<GatewayContext>({
      typeDefs: TYPE_DEFS,
      resolvers,
      formatError,
      plugins: [auditTrailPlugin({ auditUrl: audit.running.url, signer: { kid: TEST_SIGNER.kid, privateKey: generateKeyPairSync("ed25519").privateKey } })],
    });
    try {
      const read = await run(wrongSecret, chen, `query Sneaky { customer(id: "C-S1") { name } }`);
      expect(read.errors?.[0].extensions.code).toBe("AUDIT_UNAVAILABLE");
      expect((await trailOf({ actorSubject: chen.subject })).some((e) => e.operationName === "Sneaky")).toBe(false);
    } finally {
      await wrongSecret.stop();
    }
  });
});
