import { daysAgo } from "../../subgraphs/kit/clock";

/*
 * Partners' seeds say "today at 10:05" with daysAgo(0, "10:05") (PARTNERS.md, step 3). Seeded
 * before that wall time (China Standard Time) it must not land in the future: a story that
 * has not happened yet sorts first in the timeline and is never overdue.
 */
describe("daysAgo(0, hh:mm): a seed time is never in the future", () => {
  afterEach(() => jest.useRealTimers());

  it("before the wall time in CST, it is the day before at that time", () => {
    // 08:00 CST on 2026-12-02 = 00:00 UTC.
    jest.useFakeTimers({ now: new Date("2026-12-02T00:00:00.000Z") });
    expect(daysAgo(0, "10:05")).toBe("2026-12-01T02:05:00.000Z");
  });

  it("after the wall time, it is today", () => {
    jest.useFakeTimers({ now: new Date("2026-12-02T04:00:00.000Z") }); // 12:00 CST
    expect(daysAgo(0, "10:05")).toBe("2026-12-02T02:05:00.000Z");
  });

  it("other days keep their calendar day (a week ago stays a week ago)", () => {
    jest.useFakeTimers({ now: new Date("2026-12-02T00:00:00.000Z") });
    expect(daysAgo(7, "23:40")).toBe("2026-11-25T15:40:00.000Z");
  });
});
