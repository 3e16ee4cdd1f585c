import { accessFor, CLIENT_ROLES, type Access } from "../../subgraphs/kit";
import type { CallerClaims, Graph } from "../helpers/graphHarness";
import { startProductionGraphAsGraph } from "./productionGraph";
import { MATRICES, supergraphRootFields, type RootField } from "./rootFields";
import { DISPUTE_ID, MUTATION_FIXTURES, QUERY_FIXTURES, type RootFieldFixture } from "./rootFieldFixtures";

/*
 * Issue 10: one authorization matrix. Every Query and Mutation field of the composed supergraph
 * must be declared in its subgraph's accessMatrix.ts, and every cell of the matrix is driven
 * through the real gateway: rep, supervisor, a partner of the owning organization, a partner of
 * another organization, an analyst. Denied cells are driven first, so a refusal can never be
 * explained away by state an allowed call changed.
 */
const fields = supergraphRootFields();
const clientFields = fields.filter((field) => !field.inaccessible);

const CALLERS = {
  rep: { role: "rep", org: "yougou", sub: "matrix-rep" },
  supervisor: { role: "supervisor", org: "platform", sub: "matrix-supervisor" },
  analyst: { role: "analyst", org: "platform", sub: "matrix-analyst" },
} satisfies Record<string, CallerClaims>;
const partner = (org: string): CallerClaims => ({ role: "partner", org, sub: `matrix-partner-${org}` });

interface Cell {
  label: string;
  caller: CallerClaims;
  access: Access;
  /** Does the relation rule admit this caller for this fixture's record? */
  related: boolean;
}

function cellsOf(field: RootField, fixture: RootFieldFixture): Cell[] {
  const access = MATRICES[field.subgraph][field.rootType]![field.field];
  const owning = fixture.owningOrgs.find((org) => org !== "yougou" && org !== "platform") ?? fixture.owningOrgs[0] ?? "aolan";
  return [
    { label: "rep (yougou)", caller: CALLERS.rep, access: access.rep, related: fixture.owningOrgs.includes("yougou") },
    { label: "supervisor", caller: CALLERS.supervisor, access: access.supervisor, related: fixture.owningOrgs.includes("platform") },
    { label: `partner of the owning organization (${owning})`, caller: partner(owning), access: access.partner, related: true },
    { label: `partner of another organization (${fixture.otherOrg})`, caller: partner(fixture.otherOrg), access: access.partner, related: false },
    { label: "analyst", caller: CALLERS.analyst, access: access.analyst, related: true },
  ];
}

/** What a cell must answer: refused, or served (its own checks may still say CONFLICT, VERIFICATION_REQUIRED, ...). */
function expectsRefusal(cell: Cell): boolean {
  if (cell.access === "deny") return true;
  if (cell.access === "own-organization") return !cell.related;
  return false;
}

function codesOf(body: any): string[] {
  return (body.errors ?? []).map((error: any) => error.extensions?.code ?? "NONE");
}

describe("the authorization matrix", () => {
  it("declares every root field of the supergraph in its subgraph's accessMatrix.ts", () => {
    const undeclared = fields.filter((field) => !MATRICES[field.subgraph]?.[field.rootType]?.[field.field]).map((field) => `${field.subgraph}: ${field.rootType}.${field.field}`);
    expect(fields.length).toBeGreaterThan(30);
    expect(undeclared).toEqual([]);
  });

  it("declares nothing the supergraph does not have", () => {
    const known = new Set(fields.map((field) => `${field.subgraph}:${field.rootType}.${field.field}`));
    const extra: string[] = [];
    for (const [subgraph, matrix] of Object.entries(MATRICES)) {
      for (const rootType of ["Query", "Mutation"] as const) for (const field of Object.keys(matrix[rootType] ?? {})) if (!known.has(`${subgraph}:${rootType}.${field}`)) extra.push(`${subgraph}:${rootType}.${field}`);
    }
    expect(extra).toEqual([]);
  });

  it("keeps the gateway's own fields away from every client role", () => {
    for (const field of fields.filter((candidate) => candidate.inaccessible)) {
      const access = MATRICES[field.subgraph][field.rootType]![field.field];
      for (const role of CLIENT_ROLES) expect(`${field.field}:${accessFor(access, role)}`).toBe(`${field.field}:deny`);
      expect(access.system).toBe("allow");
    }
  });

  describe("driven through the gateway, cell by cell", () => {
    let graph: Graph;
    beforeAll(async () => {
      // Production mode: the identity provider's own key and issuer, no development shortcuts.
      graph = await startProductionGraphAsGraph();
      const dispute = MUTATION_FIXTURES.openBillingDispute();
      const { body } = await graph.query(dispute.document, dispute.variables);
      DISPUTE_ID.value = body.data.openBillingDispute.id;
    });
    afterAll(() => graph?.stop());

    for (const field of clientFields) {
      const fixtures = field.rootType === "Query" ? QUERY_FIXTURES : MUTATION_FIXTURES;
      it(`${field.rootType}.${field.field} (${field.subgraph})`, async () => {
        expect(fixtures[field.field]).toBeDefined();
        const cells = cellsOf(field, fixtures[field.field]());
        // Refusals first: an allowed mutation must not have changed what a refused one meets.
        const ordered = [...cells.filter(expectsRefusal), ...cells.filter((cell) => !expectsRefusal(cell))];
        const failures: string[] = [];
        for (const cell of ordered) {
          const fixture = fixtures[field.field]();
          const { body } = await graph.query(fixture.document, fixture.variables, { caller: cell.caller });
          const codes = codesOf(body);
          const value = body.data?.[field.field];
          if (expectsRefusal(cell)) {
            const leaked = value != null && JSON.stringify(value).includes(fixture.marker);
            // Denied: FORBIDDEN. Outside the relation: FORBIDDEN, or an answer that leaves the record out (a list, a lookup).
            const refused = !leaked && (codes.includes("FORBIDDEN") || (cell.access === "own-organization" && value != null));
            if (!refused) failures.push(`${cell.label} [${cell.access}]: expected FORBIDDEN (or nothing of ${fixture.marker}), got ${JSON.stringify(body).slice(0, 300)}`);
          } else if ((field.rootType === "Query" && !body.data) || codes.some((code) => ["FORBIDDEN", "UNAUTHENTICATED", "GRAPHQL_VALIDATION_FAILED", "INTERNAL_SERVER_ERROR"].includes(code))) {
            failures.push(`${cell.label} [${cell.access}]: expected to be served, got ${JSON.stringify(body.errors).slice(0, 300)}`);
          }
        }
        expect(failures).toEqual([]);
      });
    }
  });
});
