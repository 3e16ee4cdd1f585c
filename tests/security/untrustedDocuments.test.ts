import fs from "node:fs";
import path from "node:path";
import { expectCodedErrors, ROOT, type Subgraphs } from "../gateway/helpers/gatewayHarness";
import { auditOnlySubgraphs, startProductionGateway, type ProductionGateway } from "./productionGateway";

let subgraphs: Subgraphs;
let gateway: ProductionGateway;
let token: string;

beforeAll(async () => {
  subgraphs = await auditOnlySubgraphs();
  gateway = await startProductionGateway(subgraphs, { TRUSTED_DOCUMENTS: "enforce", RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_PER_IP_PER_MINUTE: "100000" });
  token = await gateway.token();
});
afterAll(async () => {
  await gateway?.stop();
  await subgraphs?.stop();
});

describe("TRUSTED_DOCUMENTS=enforce looks the document up before validating it", () => {
  it("refuses an untrusted document that would fail validation with OPERATION_NOT_TRUSTED, not a validation error: it was never validated", async () => {
    const result = await gateway.query(`query Probe { customer(id: "C-S1") { noSuchField alsoMissing { deeper } } }`, token);
    expect(result.status).toBe(400);
    expectCodedErrors(result, "OPERATION_NOT_TRUSTED");
    // Validation would have named the unknown fields (and mapped the schema for the prober).
    expect(JSON.stringify(result.body)).not.toMatch(/noSuchField|Cannot query field|GRAPHQL_VALIDATION_FAILED/);
  });

  it("refuses it again the same way when it comes back (Apollo's document cache does not let it through)", async () => {
    const document = `query Probe { customer(id: "C-S1") { noSuchField alsoMissing { deeper } } }`;
    for (let i = 0; i < 3; i++) expectCodedErrors(await gateway.query(document, token), "OPERATION_NOT_TRUSTED");
  });

  it("still validates and runs a trusted document (THE 360 query, as text)", async () => {
    const text = fs.readFileSync(path.join(ROOT, "schema", "operations", "customer360.graphql"), "utf8");
    const result = await gateway.query(text, token, { identifier: "+86 135 5555 0505" });
    // The subgraphs are not running: what matters is that it was neither refused as untrusted nor as invalid.
    const codes = (result.body.errors ?? []).map((e: any) => e.extensions?.code);
    expect(codes).not.toContain("OPERATION_NOT_TRUSTED");
    expect(codes).not.toContain("GRAPHQL_VALIDATION_FAILED");
    expect(codes.length).toBeGreaterThan(0);
  });
});
