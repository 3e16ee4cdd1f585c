/**
 * Issue 10 item 2: S2 in every view. Security-sourced timeline entries and open matters are
 * redacted for a caller without a live verification of the login made by that same caller;
 * partners see none. Through the real gateway in production mode, with THE 360 query.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers/graphHarness";
import { startProductionGraph, type ProductionGraph } from "./productionGraph";

const THE_360 = fs.readFileSync(path.join(ROOT, "schema", "operations", "customer360.graphql"), "utf8");
/** THE 360 query plus the fields that say why an entry or matter is redacted. */
const THE_360_WITH_REASONS = THE_360.replace(/(\n\s*)subjectId\n(\s*)actor \{/, "$1subjectId$1redacted$1redactedReason\n$2actor {").replace(
  /(\n\s*)priority\n/,
  "$1priority$1redacted$1redactedReason\n",
);
/** What a redacted entry and matter say (subgraphs/security/domain/redactForCaller.ts). */
const REDACTED_ENTRY = "Security event: verify the customer's identity to see details";
const REDACTED_MATTER = "Security matter on this customer's login: verify the customer's identity to see details and act on it";
const S2_PHONE = "+86 139 1234 5678";
const DETAIL = /Login locked after 5 wrong passwords|139\*\*\*\*5678|unrecognized device/;

const REP = { role: "rep" as const, org: "yougou", sub: "rep-s2-chen", name: "陈晓 Chen Xiao" };
const SUPERVISOR = { role: "supervisor" as const, org: "platform", sub: "sup-s2-wu", name: "吴主管 Wu" };
const PARTNER = { role: "partner" as const, org: "aolan", sub: "partner-s2-aolan" };

function overviewOf(body: any) {
  const [candidate] = body.data.findCustomers.result.candidates;
  expect(candidate.customer.id).toBe("C-S2");
  return candidate.customer.overview.result;
}

const securityEntries = (overview: any) => overview.timeline.entries.filter((e: any) => e.source === "security");
const securityMatters = (overview: any) => overview.openMatters.matters.filter((m: any) => m.source === "security");

describe("S2 gate in the timeline and open matters of THE 360 query (production mode)", () => {
  let prod: ProductionGraph;
  beforeAll(async () => {
    prod = await startProductionGraph();
  });
  afterAll(() => prod?.stop());

  it("THE 360 query itself carries no security detail for an unverified rep (the reported leak)", async () => {
    const { status, body } = await prod.query(REP, THE_360, { identifier: S2_PHONE });
    expect(status).toBe(200);
    const overview = overviewOf(body);
    expect(overview.timeline.missingSources).toEqual([]);
    const entries = securityEntries(overview);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    // (Billing's own entries name the customer's line, 139****5678: that is not security detail.)
    expect(JSON.stringify([entries, securityMatters(overview)])).not.toMatch(DETAIL);
    for (const entry of entries) expect(entry.summary).toBe(REDACTED_ENTRY);
  });

  it("an unverified rep and supervisor get entries and matters redacted, kind and time kept, with the reason", async () => {
    for (const caller of [REP, SUPERVISOR]) {
      const { body } = await prod.query(caller, THE_360_WITH_REASONS, { identifier: S2_PHONE });
      expect(body.errors).toBeUndefined();
      const overview = overviewOf(body);
      const entries = securityEntries(overview);
      expect(entries.map((e: any) => e.kind)).toEqual(expect.arrayContaining(["LOGIN_LOCKED", "SUSPICIOUS_LOGIN"]));
      for (const entry of entries) {
        expect(entry).toMatchObject({ summary: REDACTED_ENTRY, redacted: true, redactedReason: "VERIFICATION_REQUIRED", subjectType: "SecurityLogin", subjectId: "u-lina" });
        expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      const matters = securityMatters(overview);
      expect(matters).toHaveLength(1);
      expect(matters[0]).toMatchObject({ kind: "LOCKOUT", status: "LOCKED", title: REDACTED_MATTER, redacted: true, redactedReason: "VERIFICATION_REQUIRED" });
      expect(matters[0].handler.organization).toBe("platform");
      // The other sources' entries are untouched.
      for (const entry of overview.timeline.entries.filter((e: any) => e.source !== "security")) expect(entry.redacted).toBe(false);
      expect(JSON.stringify([entries, matters])).not.toMatch(DETAIL);
    }
  });

  it("a partner sees no security entries or matters at all, not even redacted", async () => {
    const { body } = await prod.query(PARTNER, THE_360_WITH_REASONS, { identifier: S2_PHONE });
    const overview = overviewOf(body);
    expect(securityEntries(overview)).toEqual([]);
    expect(securityMatters(overview)).toEqual([]);
    expect(overview.timeline.missingSources).toEqual([]);
  });

  it("the rep who verified the customer sees them in full; another rep still sees them redacted", async () => {
    await prod.verify(REP, "u-lina");
    const { body } = await prod.query(REP, THE_360_WITH_REASONS, { identifier: S2_PHONE });
    expect(body.errors).toBeUndefined();
    const overview = overviewOf(body);
    const locked = securityEntries(overview).find((e: any) => e.kind === "LOGIN_LOCKED");
    expect(locked).toMatchObject({ summary: "Login locked after 5 wrong passwords; the platform sent the lockout SMS to 139****5678", redacted: false, redactedReason: null });
    const [matter] = securityMatters(overview);
    expect(matter).toMatchObject({ redacted: false, kind: "LOCKOUT" });
    expect(matter.title).toMatch(/u-lina is locked/);

    const other = await prod.query({ ...REP, sub: "rep-s2-other" }, THE_360_WITH_REASONS, { identifier: S2_PHONE });
    for (const entry of securityEntries(overviewOf(other.body))) expect(entry).toMatchObject({ summary: REDACTED_ENTRY, redacted: true });
  });
});
