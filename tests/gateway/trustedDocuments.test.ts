import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readGatewayConfig } from "../../gateway/config";
import { startGateway } from "../../gateway/startGateway";
import { loadTrustedDocuments, manifestJson, sha256Hex } from "../../gateway/trustedDocuments";
import { expectCodedErrors, startSubgraphs, startTestGateway, type Subgraphs, type TestGateway } from "./helpers/gatewayHarness";
import { devToken } from "./helpers/tokens";

const FIXTURES = path.join(__dirname, "fixtures", "trusted-operations");
const CUSTOMER_FILE = fs.readFileSync(path.join(FIXTURES, "customer.graphql"), "utf8");
const FRAGMENTS_FILE = fs.readFileSync(path.join(FIXTURES, "fragments.graphql"), "utf8");
const AD_HOC = `{ customer(id: "C-S1") { id name email } }`;
const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

function tempOperations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "c360-ops-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("the manifest loader", () => {
  const trusted = loadTrustedDocuments(FIXTURES);
  const byName = new Map([...trusted.byId.values()].map((d) => [d.name, d]));

  it("makes one document per operation, with the fragments it uses, keyed by sha256 of its text", () => {
    expect([...byName.keys()].sort()).toEqual(["CustomerName", "GatewayTypename"]);
    const customer = byName.get("CustomerName")!;
    expect(customer.id).toBe(sha256Hex(customer.body));
    expect(customer.body).toContain("fragment CustomerBasics on Customer");
    expect(customer.type).toBe("query");
    expect(byName.get("GatewayTypename")!.body).not.toContain("fragment");
  });

  it("prints Apollo's persisted-query-manifest format", () => {
    const manifest = JSON.parse(manifestJson(trusted));
    expect(manifest).toMatchObject({ format: "apollo-persisted-query-manifest", version: 1 });
    expect(manifest.operations).toContainEqual({ id: byName.get("GatewayTypename")!.id, name: "GatewayTypename", type: "query", body: byName.get("GatewayTypename")!.body });
  });

  it("finds operations in nested folders, and treats a missing folder as empty", () => {
    const dir = tempOperations({ "a/b/deep.graphql": "query Deep { __typename }" });
    expect([...loadTrustedDocuments(dir).byId.values()].map((d) => d.name)).toEqual(["Deep"]);
    expect(loadTrustedDocuments(path.join(dir, "nope")).byId.size).toBe(0);
  });

  it.each([
    ["an operation name used twice", { "a.graphql": "query Same { __typename }", "b.graphql": "query Same { __typename }" }, /operation "Same" is defined in both/],
    ["a fragment name used twice", { "a.graphql": "fragment F on Query { __typename }", "b.graphql": "fragment F on Query { __typename }" }, /fragment "F" is defined in both/],
    ["an unknown fragment", { "a.graphql": "query Q { ...Missing }" }, /unknown fragment "Missing"/],
    ["an anonymous operation", { "a.graphql": "{ __typename }" }, /needs a name/],
    ["a syntax error", { "a.graphql": "query Q {" }, /a\.graphql: Syntax Error/],
  ])("refuses %s", (_label, files, message) => {
    expect(() => loadTrustedDocuments(tempOperations(files))).toThrow(message);
  });
});

describe("trusted documents through the gateway", () => {
  let subgraphs: Subgraphs;
  let allow: TestGateway;
  let enforce: TestGateway;
  let off: TestGateway;
  let token: string;
  const trusted = loadTrustedDocuments(FIXTURES);
  const customerDoc = [...trusted.byId.values()].find((d) => d.name === "CustomerName")!;

  beforeAll(async () => {
    subgraphs = await startSubgraphs();
    [allow, enforce, off] = await Promise.all([
      startTestGateway(subgraphs, { TRUSTED_DOCUMENTS_DIR: FIXTURES }),
      startTestGateway(subgraphs, { TRUSTED_DOCUMENTS_DIR: FIXTURES, TRUSTED_DOCUMENTS: "enforce" }),
      startTestGateway(subgraphs, { TRUSTED_DOCUMENTS: "off" }),
    ]);
    token = await devToken(subgraphs.dataDir);
  });

  afterAll(async () => {
    await Promise.all([allow?.stop(), enforce?.stop(), off?.stop()]);
    await subgraphs?.stop();
  });

  const expected = { data: { customer: { id: "C-S1", name: "王磊" } } };

  describe.each([
    ["allow", () => allow],
    ["enforce", () => enforce],
  ])("TRUSTED_DOCUMENTS=%s", (_mode, gateway) => {
    it("runs a known hash sent without the query (APQ)", async () => {
      const result = await gateway().query(undefined as never, token, { id: "C-S1" }, { extensions: apq(customerDoc.id) });
      expect(result.body).toEqual(expected);
    });

    it("runs a known hash sent with its query", async () => {
      const result = await gateway().query(customerDoc.body, token, { id: "C-S1" }, { extensions: apq(customerDoc.id) });
      expect(result.body).toEqual(expected);
    });

    it("answers an unknown hash with PERSISTED_QUERY_NOT_FOUND", async () => {
      const result = await gateway().query(undefined as never, token, {}, { extensions: apq(sha256Hex("query Unknown { __typename }")) });
      expectCodedErrors(result, "PERSISTED_QUERY_NOT_FOUND");
    });

    it("refuses a hash that does not match the query sent with it", async () => {
      const result = await gateway().query(AD_HOC, token, {}, { extensions: apq(customerDoc.id) });
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.message).toMatch(/provided sha does not match query/);
      expect(result.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    });
  });

  it("allow: an operation outside the manifest still runs", async () => {
    const result = await allow.query(AD_HOC, token);
    expect(result.body.data?.customer?.email).toBe("wanglei@example.cn");
  });

  it("enforce: an operation outside the manifest is refused with OPERATION_NOT_TRUSTED", async () => {
    const result = await enforce.query(AD_HOC, token);
    expect(result.status).toBe(400);
    expectCodedErrors(result, "OPERATION_NOT_TRUSTED");
    expect(result.body.data).toBeUndefined();
  });

  it("enforce: sending an outside operation with its own hash (APQ registration) does not make it trusted", async () => {
    const register = await enforce.query(AD_HOC, token, {}, { extensions: apq(sha256Hex(AD_HOC)) });
    expectCodedErrors(register, "OPERATION_NOT_TRUSTED");
    const replay = await enforce.query(undefined as never, token, {}, { extensions: apq(sha256Hex(AD_HOC)) });
    expectCodedErrors(replay, "PERSISTED_QUERY_NOT_FOUND");
  });

  it("enforce: a trusted operation sent as its source files' text (other formatting, other operations beside it) runs", async () => {
    const result = await enforce.post({ query: `${CUSTOMER_FILE}\n${FRAGMENTS_FILE}`, operationName: "CustomerName", variables: { id: "C-S1" } }, { authorization: `Bearer ${token}` });
    expect(result.body).toEqual(expected);
  });

  it("enforce: a trusted operation with one field added is refused", async () => {
    const widened = customerDoc.body.replace("  name\n", "  name\n  email\n");
    expect(widened).not.toBe(customerDoc.body);
    const result = await enforce.query(widened, token, { id: "C-S1" });
    expectCodedErrors(result, "OPERATION_NOT_TRUSTED");
  });

  it("enforce: introspection, even outside production, is refused as untrusted", async () => {
    const result = await enforce.query(`{ __schema { types { name } } }`, token);
    expectCodedErrors(result, "OPERATION_NOT_TRUSTED");
  });

  it("enforce: refuses to start with no operations at all", async () => {
    const config = readGatewayConfig({
      ...subgraphs.urlEnv,
      PORT: "0",
      NODE_ENV: "test",
      DATA_DIR: subgraphs.dataDir,
      INTERNAL_SIGNING_KEYS_FILE: subgraphs.internalKeys.signingKeysFile,
      SUPERGRAPH_PATH: subgraphs.supergraphPath,
      TRUSTED_DOCUMENTS: "enforce",
      TRUSTED_DOCUMENTS_DIR: tempOperations({}),
    });
    await expect(startGateway(config)).rejects.toThrow(/no operations were found/);
  });

  it("off: a hash is PERSISTED_QUERY_NOT_SUPPORTED, a query runs", async () => {
    const hashed = await off.query(undefined as never, token, { id: "C-S1" }, { extensions: apq(customerDoc.id) });
    expectCodedErrors(hashed, "PERSISTED_QUERY_NOT_SUPPORTED");
    expect((await off.query(AD_HOC, token)).body.data?.customer?.id).toBe("C-S1");
  });

  it("rejects an unknown TRUSTED_DOCUMENTS value at start", () => {
    expect(() => readGatewayConfig({ INTERNAL_SIGNING_KEYS_FILE: "/nonexistent/keys.json", TRUSTED_DOCUMENTS: "strict" })).toThrow(/TRUSTED_DOCUMENTS must be off, allow or enforce/);
  });
});
