import type { Caller } from "../../common/caller";
import { VerifiedTokenCache } from "../../gateway/auth/verifiedTokenCache";

const REP: Caller = { subject: "rep-1", name: "Rep One", role: "rep", organization: "retailer" };
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const secondsFromNow = (s: number) => Math.floor(NOW / 1000) + s;

describe("verified client token cache", () => {
  test("a verified token is reused, as a copy each request may change", () => {
    const cache = new VerifiedTokenCache();
    cache.set("tok", REP, secondsFromNow(3600), NOW);
    const first = cache.get("tok", NOW + 1000)!;
    expect(first).toEqual(REP);
    first.name = "changed by a request";
    expect(cache.get("tok", NOW + 2000)!.name).toBe("Rep One");
  });

  test("never past the token's exp", () => {
    const cache = new VerifiedTokenCache();
    cache.set("tok", REP, secondsFromNow(10), NOW);
    expect(cache.get("tok", NOW + 9_000)).toBeDefined();
    expect(cache.get("tok", NOW + 10_000)).toBeUndefined();
  });

  test("at most a minute even for a long-lived token, so a revoked signing key stops working soon", () => {
    const cache = new VerifiedTokenCache();
    cache.set("tok", REP, secondsFromNow(24 * 3600), NOW);
    expect(cache.get("tok", NOW + 59_000)).toBeDefined();
    expect(cache.get("tok", NOW + 60_000)).toBeUndefined();
  });

  test("a token without exp, or already expired, is not kept", () => {
    const cache = new VerifiedTokenCache();
    cache.set("no-exp", REP, undefined, NOW);
    cache.set("expired", REP, secondsFromNow(-1), NOW);
    expect(cache.get("no-exp", NOW)).toBeUndefined();
    expect(cache.get("expired", NOW)).toBeUndefined();
  });

  test("another token string is another entry", () => {
    const cache = new VerifiedTokenCache();
    cache.set("tok", REP, secondsFromNow(3600), NOW);
    expect(cache.get("tok2", NOW)).toBeUndefined();
  });
});
