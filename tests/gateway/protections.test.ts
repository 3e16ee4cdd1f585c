import { DEFAULT_QUERY_LIMITS } from "../../gateway/plugins/queryLimits";
import { expectCodedErrors, readResult, startSubgraphs, startTestGateway, type HttpResult, type Subgraphs, type TestGateway } from "./helpers/gatewayHarness";
import { devToken, generateTestKey, signToken, type TestKey } from "./helpers/tokens";

/**
 * Issue 4, gateway protections: each hostile request gets a coded error and no stack trace,
 * and the gateway answers a normal query right after it.
 */
const CUSTOMER = `{ customer(id: "C-S1") { id name } }`;
const IDP_ISSUER = "https://idp.example.cn/";

let subgraphs: Subgraphs;
let dev: TestGateway;
let prod: TestGateway;
let token: string;
let prodKey: TestKey;
let prodToken: string;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  prodKey = await generateTestKey("prod-1");
  [dev, prod] = await Promise.all([
    startTestGateway(subgraphs),
    startTestGateway(subgraphs, { NODE_ENV: "production", JWT_ISSUER: IDP_ISSUER, JWT_PUBLIC_KEY: prodKey.publicPem }),
  ]);
  token = await devToken(subgraphs.dataDir);
  prodToken = await signToken(prodKey, { issuer: IDP_ISSUER });
});

afterAll(async () => {
  await dev?.stop();
  await prod?.stop();
  await subgraphs?.stop();
});

/** The follow-up every refusal is checked with: the gateway (and the connection pool) still work. */
async function expectAlive(gateway: TestGateway = dev): Promise<void> {
  const result = await gateway.query(CUSTOMER, gateway === dev ? token : prodToken);
  expect(result.status).toBe(200);
  expect(result.body).toEqual({ data: { customer: { id: "C-S1", name: "王磊" } } });
}

async function expectRefused(result: HttpResult, status: number, code: string, message?: RegExp): Promise<void> {
  expect(result.status).toBe(status);
  expectCodedErrors(result, code);
  expect(result.body.data).toBeUndefined();
  if (message) expect(result.body.errors!.map((e) => e.message).join("\n")).toMatch(message);
  await expectAlive();
}

/** `orders { customer { orders { ... } } }` around `id`, `levels` selection sets deep. */
function nested(levels: number): string {
  let inner = "id";
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `customer { ${inner} }` : `orders { ${inner} }`;
  return inner;
}

describe("query shape limits (graphql-armor and graphql-js)", () => {
  it("refuses deep nesting", async () => {
    await expectRefused(await dev.query(`{ retailerCustomer(id: "RC-1001") { ${nested(20)} } }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /depth limit of 15/i);
  });

  it("allows nesting within the limit (so the limit is what refuses the deep one)", async () => {
    const result = await dev.query(`{ retailerCustomer(id: "RC-1001") { ${nested(6)} } }`, token);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.retailerCustomer).toBeTruthy();
  });

  it("refuses deep nesting hidden in a chain of fragments", async () => {
    const fragments = Array.from({ length: 10 }, (_, i) => `fragment L${i} on RetailerCustomer { orders { customer { ${i < 9 ? `...L${i + 1}` : "id"} } } }`).join("\n");
    await expectRefused(await dev.query(`{ retailerCustomer(id: "RC-1001") { ...L0 } }\n${fragments}`, token), 400, "GRAPHQL_VALIDATION_FAILED", /depth limit/i);
  });

  it("refuses circular fragments", async () => {
    const document = `{ retailerCustomer(id: "RC-1001") { ...A } } fragment A on RetailerCustomer { orders { customer { ...B } } } fragment B on RetailerCustomer { ...A }`;
    await expectRefused(await dev.query(document, token), 400, "GRAPHQL_VALIDATION_FAILED", /Cannot spread fragment "A" within itself/);
  });

  it("refuses 100+ aliases", async () => {
    const aliases = Array.from({ length: 120 }, (_, i) => `c${i}: customer(id: "C-S1") { id }`).join(" ");
    await expectRefused(await dev.query(`{ ${aliases} }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /Aliases limit of 20/i);
  });

  it("refuses 500 duplicated fields", async () => {
    await expectRefused(await dev.query(`{ customer(id: "C-S1") { ${"name ".repeat(500)} } }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /"name" is selected 500 times/);
  });

  it("refuses repeats hidden in inline fragments, and refuses the worst case (2,900 repeats) quickly", async () => {
    await expectRefused(await dev.query(`{ customer(id: "C-S1") { ${"... on Customer { name } ".repeat(300)} } }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /"name" is selected 300 times/);
    // Without the rule graphql-js's overlap check spends ~0.8 s of CPU on this one request.
    const started = performance.now();
    await expectRefused(await dev.query(`{ customer(id: "C-S1") { ${"name ".repeat(2900)} } }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /selected 2900 times/);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it(`allows a field repeated up to ${DEFAULT_QUERY_LIMITS.maxRepeatedFields} times`, async () => {
    const result = await dev.query(`{ customer(id: "C-S1") { ${"name ".repeat(DEFAULT_QUERY_LIMITS.maxRepeatedFields)} } }`, token);
    expect(result.body).toEqual({ data: { customer: { name: "王磊" } } });
  });

  it("refuses repeated directives", async () => {
    await expectRefused(await dev.query(`{ customer(id: "C-S1") { id ${"@include(if: true) ".repeat(50)} } }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /Directives limit of 20/i);
  });

  it("refuses a 1 MB document with 413 before reading it", async () => {
    const result = await dev.query(`{ ${"__typename ".repeat(100_000)} }`, token);
    await expectRefused(result, 413, "PAYLOAD_TOO_LARGE");
    // Twice more on the same keep-alive pool: the unread body must not poison the connection.
    await expectAlive();
    await expectAlive();
  });

  it("refuses a large document under the body cap by its token count", async () => {
    await expectRefused(await dev.query(`{ ${"__typename ".repeat(40_000)} }`, token), 400, "GRAPHQL_PARSE_FAILED", /3000 tokens/);
  });

  it("refuses 20 batched operations (array body)", async () => {
    const batch = Array.from({ length: 20 }, () => ({ query: CUSTOMER }));
    await expectRefused(await dev.post(batch, { authorization: `Bearer ${token}` }), 400, "BAD_REQUEST", /batching disabled/i);
  });

  it("refuses first: 99999999 at the gateway by cost", async () => {
    await expectRefused(await dev.query(`{ customer(id: "C-S1") { contacts(first: 99999999) { at } } }`, token), 400, "GRAPHQL_VALIDATION_FAILED", /Cost limit/i);
  });

  it("surfaces the subgraph's BAD_USER_INPUT for a page size over 100 that passes the cost limit", async () => {
    const result = await dev.query(`{ customer(id: "C-S1") { id contacts(first: 101) { at } } }`, token);
    expectCodedErrors(result, "BAD_USER_INPUT");
    expect(result.body.errors![0].message).toMatch(/first must be between 1 and 100/);
    await expectAlive();
  });
});

describe("hostile names and transports", () => {
  it("answers __proto__ and constructor aliases as plain keys, polluting nothing", async () => {
    const result = await dev.query(`{ __proto__: customer(id: "C-S1") { polluted: name } constructor: customer(id: "C-S1") { id } prototype: __typename }`, token);
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(Object.keys(result.body.data)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(result.body.data.__proto__).toEqual({ polluted: "王磊" });
    // The gateway runs in this process: a polluted prototype would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    await expectAlive();
  });

  it("refuses a mutation over GET (CSRF prevention without a preflight header)", async () => {
    const url = `${dev.url}?query=${encodeURIComponent('mutation { logContact(idempotencyKey: "k", input: {}) { id } }')}`;
    await expectRefused(await readResult(await fetch(url, { headers: { authorization: `Bearer ${token}` } })), 400, "BAD_REQUEST", /Cross-Site Request Forgery/);
  });

  it("refuses a mutation over GET even with a preflight header (405)", async () => {
    const url = `${dev.url}?query=${encodeURIComponent('mutation { cancelVisit(idempotencyKey: "k", reason: "r", visitId: "VIS-1") { id } }')}`;
    const result = await readResult(await fetch(url, { headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" } }));
    expect(result.headers.get("allow")).toBe("POST");
    await expectRefused(result, 405, "BAD_REQUEST", /GET requests only support query operations/);
  });

  it("still answers a query over GET with a preflight header", async () => {
    const result = await readResult(await fetch(`${dev.url}?query=${encodeURIComponent(CUSTOMER)}`, { headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" } }));
    expect(result.body.data?.customer?.id).toBe("C-S1");
  });

  it.each([
    ["application/x-www-form-urlencoded", `query=${encodeURIComponent(CUSTOMER)}`],
    ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${CUSTOMER}\r\n--x--`],
    ["text/plain", JSON.stringify({ query: CUSTOMER })],
  ])("refuses a POST with content-type %s (CSRF prevention)", async (contentType, body) => {
    const result = await readResult(await fetch(dev.url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body }));
    await expectRefused(result, 400, "BAD_REQUEST", /Cross-Site Request Forgery/);
  });

  it("answers an unknown persisted operation id with PERSISTED_QUERY_NOT_FOUND", async () => {
    const result = await dev.post({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, { authorization: `Bearer ${token}` });
    expectCodedErrors(result, "PERSISTED_QUERY_NOT_FOUND");
    await expectAlive();
  });
});

describe("production mode", () => {
  const INTROSPECTION = `{ __schema { queryType { name } } }`;

  it("refuses introspection (the development gateway allows it)", async () => {
    const allowed = await dev.query(INTROSPECTION, token);
    expect(allowed.body.data?.__schema?.queryType?.name).toBe("Query");
    const refused = await prod.query(INTROSPECTION, prodToken);
    expect(refused.status).toBe(400);
    expectCodedErrors(refused, "GRAPHQL_VALIDATION_FAILED");
    expect(refused.body.errors![0].message).toMatch(/introspection is not allowed/);
    const typeProbe = await prod.query(`{ __type(name: "Customer") { fields { name } } }`, prodToken);
    expectCodedErrors(typeProbe, "GRAPHQL_VALIDATION_FAILED");
    await expectAlive(prod);
  });

  it("hides field suggestions (the development gateway shows them)", async () => {
    const typo = `{ custome(id: "C-S1") { id } }`;
    const devAnswer = await dev.query(typo, token);
    expect(JSON.stringify(devAnswer.body)).toMatch(/Did you mean/);
    const prodAnswer = await prod.query(typo, prodToken);
    expectCodedErrors(prodAnswer, "GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(prodAnswer.body)).not.toMatch(/Did you mean|"customer"/);
    const argTypo = await prod.query(`{ customer(idd: "C-S1") { id } }`, prodToken);
    expectCodedErrors(argTypo, "GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(argTypo.body)).not.toMatch(/Did you mean/);
    await expectAlive(prod);
  });

  it("serves no explorer page at GET / (the development gateway does)", async () => {
    const devPage = await fetch(`${dev.origin}/`);
    expect(devPage.status).toBe(200);
    expect(await devPage.text()).toContain("<html");
    const prodPage = await readResult(await fetch(`${prod.origin}/`));
    expect(prodPage.status).toBe(404);
    expect(prodPage.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(prodPage.body.text ?? "").not.toContain("<html");
  });

  it("serves no landing page on GET /graphql with Accept: text/html", async () => {
    const page = await fetch(prod.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("<html");
  });
});
