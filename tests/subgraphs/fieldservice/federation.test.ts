import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { encodeKey, type TimelineQuery } from "../../../subgraphs/kit";
import { fieldserviceSubgraph } from "../../../subgraphs/fieldservice/subgraph";
import type { DB, FieldJobsTable, JobNotesTable } from "../../../subgraphs/fieldservice/db/tables";

const JOBS = `query J($reps: [_Any!]!) { _entities(representations: $reps) { ... on FieldJob { id status notes(first: 100) { id } } } }`;
const VISITS = `query V($reps: [_Any!]!) { _entities(representations: $reps) { ... on Visit { id fieldJob { id notes(first: 10) { id } } } } }`;

function bulkJob(i: number, at: string): FieldJobsTable {
  return { id: `FJ-BULK-${i}`, visit_id: `VIS-BULK-${i}`, owner_id: `MR-BULK-${i}`, maker_org: "aolan", status: "ASSIGNED", technician_name: `技师${i}`, technician_phone: `+86 139-0000-${String(i).padStart(4, "0")}`, lat_e6: null, lng_e6: null, position_at: null, eta: null, cancel_reason: null, created_at: at, updated_at: at };
}

describeEachDatabase("fieldservice: federation, batching and the customer 360 contribution", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(fieldserviceSubgraph, target);
    const db = t.running.database.db;
    const now = Date.now();
    await db.insertInto("field_jobs").values(Array.from({ length: 60 }, (_, i) => bulkJob(i, new Date(now - i * 1000).toISOString()))).execute();
    // FJ-BULK-0 has 3 notes, FJ-BULK-1 has 300, the rest 2 each.
    const notes: JobNotesTable[] = [];
    for (let i = 0; i < 60; i++) {
      const n = i === 0 ? 3 : i === 1 ? 300 : 2;
      for (let k = 0; k < n; k++) notes.push({ id: `N-${i}-${String(k).padStart(3, "0")}`, job_id: `FJ-BULK-${i}`, at: new Date(now - k * 60_000).toISOString(), author: "dispatch", text: `note ${k}` });
    }
    for (let i = 0; i < notes.length; i += 500) await db.insertInto("job_notes").values(notes.slice(i, i + 500)).execute();
  });
  afterAll(() => t.stop());

  const jobs = (ids: string[]) => ids.map((id) => ({ __typename: "FieldJob", id }));

  it("resolves FieldJob references with the same statement count for 3 or 300 notes", async () => {
    const small = await t.query(JOBS, { reps: jobs(["FJ-BULK-0"]) });
    const large = await t.query(JOBS, { reps: jobs(["FJ-BULK-1"]) });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data._entities[0].notes).toHaveLength(3);
    expect(large.body.data._entities[0].notes).toHaveLength(100);
    expect(large.body.data._entities[0].notes[0].id).toBe("N-1-000");
    expect(small.sqlStatements).toBeGreaterThan(0);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });

  it("keeps the statement count flat from 2 to 61 visits in one _entities call", async () => {
    const visits = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: "Visit", id: `VIS-BULK-${i}` }));
    const few = await t.query(VISITS, { reps: visits(2) });
    const many = await t.query(VISITS, { reps: [...visits(60), { __typename: "Visit", id: "VIS-NONE" }] });
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data._entities).toHaveLength(61);
    expect(many.body.data._entities[59].fieldJob.id).toBe("FJ-BULK-59");
    expect(many.body.data._entities[60].fieldJob).toBeNull();
    expect(many.body.data._entities[1].fieldJob.notes).toHaveLength(10);
    expect(many.sqlStatements).toBe(few.sqlStatements);
  });

  it("contributes S1's open job with the technician as handler, keyed by the maker's registration id", async () => {
    // The customers subgraph sends the person's ids per system; fieldservice reads the maker's ("aftersales").
    const key = encodeKey({ customerId: "C-S1", ids: { aftersales: ["MR-AOLAN-5001"], orders: ["RC-1001"], fieldservice: ["ignored"] } });
    const result = await t.query(
      `query M($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { fieldserviceMatters { id source kind title status subjectType subjectId dueAt overdue handler { name organization phone hours } promises { description overdue } } } } }`,
      { reps: [{ __typename: "OpenMattersView", key }] },
    );
    expect(result.body.errors).toBeUndefined();
    const matters = result.body.data._entities[0].fieldserviceMatters;
    expect(matters).toHaveLength(1);
    expect(matters[0]).toMatchObject({ id: "fieldservice:FIELD_JOB:FJ-KX-0001", source: "fieldservice", kind: "FIELD_JOB", subjectType: "FieldJob", subjectId: "FJ-KX-0001", overdue: false });
    expect(matters[0].handler).toMatchObject({ name: "赵刚 Zhao Gang", organization: "kuaixiu", phone: "+86 139-7100-2233" });
    expect(matters[0].promises[0].description).toMatch(/30 minutes before/);
    expect(result.sqlStatements).toBeLessThanOrEqual(3);

    // S5's cancelled first job is not open; only the re-dispatched one is.
    const s5 = await t.query(`query M($reps: [_Any!]!) { _entities(representations: $reps) { ... on OpenMattersView { fieldserviceMatters { subjectId } } } }`, {
      reps: [{ __typename: "OpenMattersView", key: encodeKey({ customerId: "C-S5", ids: { aftersales: ["MR-HT-5005"] } }) }],
    });
    expect(s5.body.data._entities[0].fieldserviceMatters).toEqual([{ subjectId: "FJ-KX-0505" }]);
  });

  it("contributes a timeline slice, newest first, for the maker's registration", async () => {
    const query: TimelineQuery = { customerId: "C-S5", first: 2, after: null, sources: null, kinds: null, since: null, until: null, ids: { aftersales: ["MR-HT-5005"] } };
    const result = await t.query(
      `query T($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { fieldserviceEvents { id at source kind summary subjectType subjectId actor { name organization } } } } }`,
      { reps: [{ __typename: "Timeline", key: encodeKey(query) }] },
    );
    expect(result.body.errors).toBeUndefined();
    const events = result.body.data._entities[0].fieldserviceEvents;
    expect(events).toHaveLength(3); // first + 1
    expect(events.map((e: any) => e.kind)).toEqual(["TECHNICIAN_DISPATCHED", "JOB_CANCELLED", "TECHNICIAN_DISPATCHED"]);
    expect(events[0]).toMatchObject({ id: "fieldservice:fs-s5-03", source: "fieldservice", subjectType: "FieldJob", subjectId: "FJ-KX-0505", actor: { organization: "kuaixiu" } });
    const onlyCancelled = await t.query(
      `query T($reps: [_Any!]!) { _entities(representations: $reps) { ... on Timeline { fieldserviceEvents { kind } } } }`,
      { reps: [{ __typename: "Timeline", key: encodeKey({ ...query, kinds: ["JOB_CANCELLED"] }) }] },
    );
    expect(onlyCancelled.body.data._entities[0].fieldserviceEvents).toEqual([{ kind: "JOB_CANCELLED" }]);
  });

  it("finds the maker registration from a job id, in the maker's system", async () => {
    const lookup = async (kind: string, value: string) => {
      const result = await t.query(`query L($reps: [_Any!]!) { _entities(representations: $reps) { ... on CustomerLookup { fieldserviceMatches { system externalId matchedBy } } } }`, {
        reps: [{ __typename: "CustomerLookup", key: encodeKey({ kind, value }) }],
      });
      expect(result.body.errors).toBeUndefined();
      return result.body.data._entities[0].fieldserviceMatches;
    };
    expect(await lookup("reference", "FJ-KX-0001")).toEqual([{ system: "aftersales", externalId: "MR-AOLAN-5001", matchedBy: "fieldJob" }]);
    expect(await lookup("reference", "FJ-KX-9999")).toEqual([]);
    expect(await lookup("phone", "13807191234")).toEqual([]);
  });
});
