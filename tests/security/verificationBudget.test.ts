/**
 * Issue 10 item 5: only reps and supervisors start or confirm identity verification, and
 * the SMS budget is per caller and per login, so one caller cannot spend a login's codes
 * and block the real rep. Through the real gateway in production mode.
 */
import { CONFIRM_VERIFICATION, newKey, START_VERIFICATION, startProductionGraph, type ProductionGraph } from "./productionGraph";

const LOGIN = "u-zhoujie";
/** The documented budgets (docs/SECURITY.md, "Verification budget"): codes per rolling hour. */
const VERIFICATION_BUDGET = { perCallerPerLogin: 3, perLogin: 10 };

describe("verification: who may verify, and per-caller budgets (production mode)", () => {
  let prod: ProductionGraph;
  beforeAll(async () => {
    prod = await startProductionGraph();
  });
  afterAll(() => prod?.stop());

  const sentCodes = async (loginId: string) => {
    const security = await prod.graph.database("security");
    return (await security.db.selectFrom("verification_challenges").select("id").where("login_id", "=", loginId).execute()).length;
  };

  it("refuses an analyst and a partner starting a verification (FORBIDDEN), and sends no SMS", async () => {
    const before = await sentCodes(LOGIN);
    for (const caller of [
      { role: "analyst" as const, org: "platform", sub: "analyst-budget" },
      { role: "partner" as const, org: "aolan", sub: "partner-budget" },
    ]) {
      const { body } = await prod.query(caller, START_VERIFICATION, { loginId: LOGIN, key: newKey("forbidden") });
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
      expect(body.errors[0].message).toMatch(/may not use the mutation (startIdentityVerification|confirmIdentityVerification)|only reps and supervisors/);
    }
    expect(await sentCodes(LOGIN)).toBe(before);
  });

  it("refuses an analyst confirming a rep's challenge (FORBIDDEN)", async () => {
    const started = await prod.query({ role: "rep", org: "platform", sub: "rep-budget-owner" }, START_VERIFICATION, { loginId: "u-wanglei", key: newKey("own") });
    const challengeId = started.body.data.startIdentityVerification.id;
    const { body } = await prod.query({ role: "analyst", org: "platform", sub: "rep-budget-owner" }, CONFIRM_VERIFICATION, { id: challengeId, code: "123456" });
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  it("one caller spending its share of a login's codes does not block another rep", async () => {
    const noisy = { role: "rep" as const, org: "yougou", sub: "rep-budget-noisy" };
    for (let i = 0; i < VERIFICATION_BUDGET.perCallerPerLogin; i++) {
      const { body } = await prod.query(noisy, START_VERIFICATION, { loginId: LOGIN, key: newKey("noisy") });
      expect(body.errors).toBeUndefined();
    }
    const refused = await prod.query(noisy, START_VERIFICATION, { loginId: LOGIN, key: newKey("noisy") });
    expect(refused.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", budget: "perCallerPerLogin" });
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);

    // The real rep still gets a code for the same login, and can verify with it.
    const real = { role: "rep" as const, org: "platform", sub: "rep-budget-real" };
    await prod.verify(real, LOGIN);
  });

  it("keeps a per-login total across callers and a per-caller total across logins", async () => {
    expect(VERIFICATION_BUDGET.perCallerPerLogin).toBeLessThan(VERIFICATION_BUDGET.perLogin);
    let spent = await sentCodes(LOGIN);
    let caller = 0;
    while (spent < VERIFICATION_BUDGET.perLogin) {
      const { body } = await prod.query({ role: "supervisor", org: "platform", sub: `sup-budget-${caller++}` }, START_VERIFICATION, { loginId: LOGIN, key: newKey("fill") });
      expect(body.errors).toBeUndefined();
      spent++;
    }
    const full = await prod.query({ role: "rep", org: "platform", sub: "rep-budget-late" }, START_VERIFICATION, { loginId: LOGIN, key: newKey("late") });
    expect(full.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", budget: "perLogin" });
  });
});
