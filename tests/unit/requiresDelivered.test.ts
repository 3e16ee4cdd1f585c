import type { GraphQLError } from "graphql";
import { assertRequiresDelivered, cameThroughEntities } from "../../subgraphs/customers/merge/requiresDelivered";

function codeOf(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions?.code;
  }
  return "no error";
}

describe("the merge refuses silently-missing @requires data", () => {
  const fields = ["ordersEvents", "billingEvents"];

  it("refuses a parent that never came through _entities (a planner that skipped @requires)", () => {
    expect(codeOf(() => assertRequiresDelivered({ key: "{}" }, fields))).toBe("REQUIRES_NOT_DELIVERED");
  });

  it("refuses a representation that came through _entities with none of the sources' fields", () => {
    expect(codeOf(() => assertRequiresDelivered(cameThroughEntities({ key: "{}" }), fields))).toBe("REQUIRES_NOT_DELIVERED");
  });

  it("accepts a representation holding the fields, even null ones (a failed source is reported missing, not refused)", () => {
    expect(codeOf(() => assertRequiresDelivered(cameThroughEntities({ key: "{}", ordersEvents: [], billingEvents: null }), fields))).toBe("no error");
  });

  it("asks nothing when no source was asked (a customer with no linked systems)", () => {
    expect(codeOf(() => assertRequiresDelivered({ key: "{}" }, []))).toBe("no error");
  });
});
