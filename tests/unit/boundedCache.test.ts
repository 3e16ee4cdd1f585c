import { BoundedCache } from "../../common/boundedCache";

describe("bounded cache", () => {
  it("answers until the expiry, then forgets", () => {
    const cache = new BoundedCache<string>(10);
    cache.set("a", "A", 1000);
    expect(cache.get("a", 999)).toBe("A");
    expect(cache.get("a", 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts the oldest beyond its bound; setting again makes a key young", () => {
    const cache = new BoundedCache<number>(2);
    cache.set("a", 1, 10_000);
    cache.set("b", 2, 10_000);
    cache.set("a", 3, 10_000);
    cache.set("c", 4, 10_000);
    expect([cache.get("a", 0), cache.get("b", 0), cache.get("c", 0)]).toEqual([3, undefined, 4]);
  });
});
