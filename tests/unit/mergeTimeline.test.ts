import { mergeTimeline } from "../../subgraphs/customers/merge/mergeTimeline";
import { mergeMatters } from "../../subgraphs/customers/merge/mergeMatters";
import { decodeCursor, encodeCursor } from "../../subgraphs/kit";
import { entry, matter } from "./fixtures";

describe("k-way merge of the sources' timeline slices", () => {
  it("interleaves the slices newest first and cuts at `first`, saying a next page exists", () => {
    const orders = [entry("o2", "2026-11-05T10:00:00Z"), entry("o1", "2026-11-01T10:00:00Z")];
    const billing = [entry("b2", "2026-11-04T10:00:00Z", "billing"), entry("b1", "2026-11-02T10:00:00Z", "billing")];
    const page = mergeTimeline([...orders, ...billing], 3);
    expect(page.entries.map((e) => e.id)).toEqual(["o2", "b2", "b1"]);
    expect(page.hasNextPage).toBe(true);
  });

  it("says there is no next page when everything fits", () => {
    const page = mergeTimeline([entry("a", "2026-11-01T00:00:00Z"), entry("b", "2026-11-02T00:00:00Z")], 2);
    expect(page.entries.map((e) => e.id)).toEqual(["b", "a"]);
    expect(page.hasNextPage).toBe(false);
  });

  it("breaks ties on the same instant by id, descending, whatever order the slices arrive in", () => {
    const at = "2026-11-03T08:00:00Z";
    const one = mergeTimeline([entry("orders:1", at), entry("security:9", at, "security"), entry("billing:5", at, "billing")], 10);
    const other = mergeTimeline([entry("billing:5", at, "billing"), entry("orders:1", at), entry("security:9", at, "security")], 10);
    expect(one.entries.map((e) => e.id)).toEqual(["security:9", "orders:1", "billing:5"]);
    expect(other.entries).toEqual(one.entries);
  });

  it("does not reorder its input (slices stay as the sources sent them)", () => {
    const slices = [entry("a", "2026-11-01T00:00:00Z"), entry("b", "2026-11-02T00:00:00Z")];
    mergeTimeline(slices, 1);
    expect(slices.map((e) => e.id)).toEqual(["a", "b"]);
  });
});

describe("timeline cursors", () => {
  it("round-trip (at, id)", () => {
    const cursor = { at: "2026-11-03T08:00:00.000Z", id: "orders:42" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([["not base64 JSON", "%%%"], ["a list of the wrong shape", Buffer.from("[1,2]").toString("base64url")], ["a non-time", Buffer.from('["soon","x"]').toString("base64url")]])(
    "refuses %s with BAD_USER_INPUT on `after`",
    (_what, raw) => {
      expect(() => decodeCursor(raw)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argument: "after" }) }));
    },
  );
});

describe("open matters order", () => {
  it("puts overdue matters first, then the soonest due", () => {
    const merged = mergeMatters([
      matter("later", { dueAt: "2026-11-09T00:00:00Z" }),
      matter("overdue", { dueAt: "2026-11-20T00:00:00Z", overdue: true }),
      matter("sooner", { dueAt: "2026-11-05T00:00:00Z" }),
    ]);
    expect(merged.map((m) => m.id)).toEqual(["overdue", "sooner", "later"]);
  });
});
