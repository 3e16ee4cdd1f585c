import { PollBackoff } from "../../subgraphs/kit/events/pollBackoff";

describe("PollBackoff: an idle relay or consumer looks less often, a busy one at the base interval", () => {
  it("doubles while idle, up to the ceiling, and drops to the base after work", () => {
    const backoff = new PollBackoff(100, 1000);
    expect([false, false, false, false, false, false].map((found) => backoff.next(found))).toEqual([200, 400, 800, 1000, 1000, 1000]);
    expect(backoff.next(true)).toBe(100);
    expect(backoff.next(false)).toBe(200);
  });

  it("never backs off when the ceiling is the base (tests that set only pollMs)", () => {
    const backoff = new PollBackoff(20);
    expect([false, false, true, false].map((found) => backoff.next(found))).toEqual([20, 20, 20, 20]);
  });

  it("keeps a base above the ceiling (EVENTS_POLL_MS 5000 with the default ceiling)", () => {
    const backoff = new PollBackoff(5000, 1000);
    expect([false, true].map((found) => backoff.next(found))).toEqual([5000, 5000]);
  });
});
