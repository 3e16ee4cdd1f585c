import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB } from "../../../subgraphs/aftersales/db/tables";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { addCases } from "./fixtures";

/*
 * The statement count of a request must not grow with the size of the answer: 3 cases or
 * 300, one order or many, the same number of SQL statements.
 */
const CASE_FIELDS = `number status device { serial knownIssues { id } entitlements { kind } } customer { id } order { number }
  visits { id technician { name serviceCenter { phone } } serviceCenter { id } } callbacks { id } tasks { id } replacements { id }
  arrangements { id serviceCenter { id } } parties { role } handler { name } promises { id }`;

describeEachDatabase("aftersales: batching", (target) => {
  let subgraph: TestSubgraph<DB>;
  let small: string[];
  let large: string[];
  beforeAll(async () => {
    subgraph = await startTestSubgraph(aftersalesSubgraph, target);
    const db = subgraph.running.database.db;
    small = await addCases(db, { owner: "MR-SMALL", order: "YG-SMALL", prefix: "SMALL", count: 3 });
    large = await addCases(db, { owner: "MR-LARGE", order: "YG-LARGE", prefix: "LARGE", count: 300 });
  });
  afterAll(async () => subgraph.stop());

  const ordersQuery = `query ($reps: [_Any!]!, $first: Int) { _entities(representations: $reps) { ... on Order { number serviceCases(first: $first) { ${CASE_FIELDS} } } } }`;

  it("Order.serviceCases: same statement count for 3 and 300 cases, newest first", async () => {
    const few = await subgraph.query(ordersQuery, { reps: [{ __typename: "Order", number: "YG-SMALL" }], first: 100 });
    const many = await subgraph.query(ordersQuery, { reps: [{ __typename: "Order", number: "YG-LARGE" }], first: 100 });
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(few.body.data._entities[0].serviceCases).toHaveLength(3);
    const manyCases = many.body.data._entities[0].serviceCases;
    expect(manyCases).toHaveLength(100);
    expect(manyCases[0].number).toBe(large[299]);
    expect(manyCases[0].visits[0].technician.serviceCenter.phone).toBe("027-8711-2233");
    expect(many.sqlStatements).toBeGreaterThan(0);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it("Order.serviceCases over several orders at once costs the same as over one", async () => {
    const one = await subgraph.query(ordersQuery, { reps: [{ __typename: "Order", number: "YG-SMALL" }], first: 20 });
    const three = await subgraph.query(ordersQuery, {
      reps: ["YG-SMALL", "YG-LARGE", "YG-20261102-0001"].map((number) => ({ __typename: "Order", number })),
      first: 20,
    });
    expect(three.body.data._entities.map((o: { serviceCases: unknown[] }) => o.serviceCases.length)).toEqual([3, 20, 1]);
    expect(three.sqlStatements).toBe(one.sqlStatements);
  });

  it("_entities on ServiceCase: 3 or 300 representations, same statement count", async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ServiceCase { ${CASE_FIELDS} } } }`;
    const few = await subgraph.query(query, { reps: small.map((number) => ({ __typename: "ServiceCase", number })) });
    const many = await subgraph.query(query, { reps: large.map((number) => ({ __typename: "ServiceCase", number })) });
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data._entities).toHaveLength(300);
    expect(many.body.data._entities.every((c: { customer: { id: string } }) => c.customer.id === "MR-LARGE")).toBe(true);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it("_entities on MakerCustomer, Device, Visit and ServiceCenter batch by key and resolve unknown keys to null", async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on MakerCustomer { id serviceCases(first: 5) { number } devices { serial } }
      ... on Device { serial model }
      ... on Visit { id status technician { name } }
      ... on ServiceCenter { id phone }
    } }`;
    const reps = [
      { __typename: "MakerCustomer", id: "MR-SMALL" },
      { __typename: "MakerCustomer", id: "MR-LARGE" },
      { __typename: "MakerCustomer", id: "MR-UNKNOWN" },
      { __typename: "Device", serial: "STB-HT-20250505" },
      { __typename: "Visit", id: "VIS-0001" },
      { __typename: "ServiceCenter", id: "SC-HW-NJ-XJK" },
    ];
    const result = await subgraph.query(query, { reps });
    expect(result.body.errors).toBeUndefined();
    const [smallCustomer, largeCustomer, unknown, device, visit, center] = result.body.data._entities;
    expect(smallCustomer.serviceCases).toHaveLength(3);
    expect(largeCustomer.serviceCases).toHaveLength(5);
    expect(unknown).toBeNull();
    expect(device.model).toBe("HT-B860");
    expect(visit.technician.name).toBe("赵刚");
    expect(center.phone).toBe("025-8471-0707");
    const smallOnly = await subgraph.query(query, { reps: reps.slice(0, 1) });
    expect(smallOnly.sqlStatements).toBeLessThanOrEqual(result.sqlStatements);
    const customersOnly = await subgraph.query(query, { reps: reps.slice(0, 3) });
    expect(customersOnly.sqlStatements).toBe(smallOnly.sqlStatements);
  });
});
