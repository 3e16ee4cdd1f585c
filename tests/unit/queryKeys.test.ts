import type { GraphQLError } from "graphql";
import { decodeLookupKey, decodeMattersKey, decodeTimelineKey, encodeKey, type TimelineQuery } from "../../subgraphs/kit";

const TIMELINE: TimelineQuery = { customerId: "C-S1", first: 20, after: null, sources: null, kinds: ["LOGIN"], since: null, until: null, ids: { orders: ["RC-1"] } };

function refusal(decode: () => unknown): { message: string; code: unknown; field: unknown } {
  try {
    decode();
  } catch (error) {
    const e = error as GraphQLError;
    return { message: e.message, code: e.extensions?.code, field: e.extensions?.field };
  }
  throw new Error("expected the key to be refused");
}

describe("merge keys are decoded with a shape check", () => {
  it("a well-formed key of each kind decodes to its query", () => {
    expect(decodeTimelineKey(encodeKey(TIMELINE))).toEqual(TIMELINE);
    expect(decodeMattersKey(encodeKey(TIMELINE))).toEqual({ customerId: "C-S1", ids: { orders: ["RC-1"] } });
    expect(decodeLookupKey(encodeKey({ kind: "phone", value: "13807191234" }))).toEqual({ kind: "phone", value: "13807191234" });
  });

  it.each([
    ["not JSON", () => decodeTimelineKey("{nope"), /not JSON/, undefined],
    ["not an object", () => decodeTimelineKey("[1,2]"), /JSON object/, undefined],
    ["not a string", () => decodeMattersKey(42), /must be a string/, undefined],
    ["a missing field", () => decodeTimelineKey(encodeKey({ ...TIMELINE, first: undefined })), /lacks "first"/, "first"],
    ["a negative page size", () => decodeTimelineKey(encodeKey({ ...TIMELINE, first: -1 })), /"first" must be a non-negative integer/, "first"],
    ["ids of the wrong shape", () => decodeMattersKey(encodeKey({ customerId: "C-1", ids: { orders: "RC-1" } })), /"ids" must be/, "ids"],
    ["a numeric customer id", () => decodeMattersKey(encodeKey({ customerId: 7, ids: {} })), /"customerId" must be a string/, "customerId"],
    ["sources not a list", () => decodeTimelineKey(encodeKey({ ...TIMELINE, sources: "orders" })), /"sources" must be a list/, "sources"],
    ["an unknown identifier kind", () => decodeLookupKey(encodeKey({ kind: "fax", value: "1" })), /"kind" must be one of phone, email, reference/, "kind"],
  ])("refuses %s with BAD_USER_INPUT naming what is wrong", (_what, decode, message, field) => {
    const error = refusal(decode);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(message);
    expect(error.field).toBe(field);
  });
});
