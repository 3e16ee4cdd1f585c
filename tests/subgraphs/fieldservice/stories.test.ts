import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { fieldserviceSubgraph } from "../../../subgraphs/fieldservice/subgraph";
import type { DB } from "../../../subgraphs/fieldservice/db/tables";

const VISIT_JOB = `query V($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Visit { id fieldJob { id visitId status technicianName technicianPhone eta makerOrganization position { lat lng updatedAt } notes(first: 5) { at author text } } }
  }
}`;

describeEachDatabase("fieldservice: the technician who actually comes (S1, S5)", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(fieldserviceSubgraph, target);
  });
  afterAll(() => t.stop());

  it("S1: the maker's visit VIS-0001 shows Kuaixiu's technician, his phone, position and a future ETA", async () => {
    const result = await t.query(VISIT_JOB, { reps: [{ __typename: "Visit", id: "VIS-0001" }] });
    expect(result.body.errors).toBeUndefined();
    const job = result.body.data._entities[0].fieldJob;
    expect(job).toMatchObject({ id: "FJ-KX-0001", visitId: "VIS-0001", status: "ASSIGNED", makerOrganization: "aolan", technicianName: "赵刚 Zhao Gang", technicianPhone: "+86 139-7100-2233" });
    expect(Date.parse(job.eta)).toBeGreaterThan(Date.now());
    // Wuhan, not a rounding artefact of the integer storage.
    expect(job.position.lat).toBeCloseTo(30.5052, 4);
    expect(job.position.lng).toBeCloseTo(114.3434, 4);
    expect(job.notes[0].at >= job.notes[1].at).toBe(true);
    expect(job.notes.map((n: any) => n.text).join(" ")).toMatch(/gasket/);
  });

  it("S5: VIS-0505 shows the re-dispatched job (Ma Chao), not the cancelled first one", async () => {
    const result = await t.query(VISIT_JOB, { reps: [{ __typename: "Visit", id: "VIS-0505" }, { __typename: "Visit", id: "VIS-9999" }] });
    expect(result.body.errors).toBeUndefined();
    const [s5, unknown] = result.body.data._entities;
    expect(s5.fieldJob).toMatchObject({ id: "FJ-KX-0505", technicianName: "马超 Ma Chao", status: "ASSIGNED", position: null });
    expect(unknown).toEqual({ id: "VIS-9999", fieldJob: null });
    const cancelled = await t.query(`{ fieldJob(id: "fj-kx-0504") { id status cancelReason eta } }`);
    expect(cancelled.body.data.fieldJob).toMatchObject({ id: "FJ-KX-0504", status: "CANCELLED", eta: null });
    expect(cancelled.body.data.fieldJob.cancelReason).toMatch(/Jianghan/);
  });

  it("fieldJob(id:) answers null for an unknown job and BAD_USER_INPUT for a malformed id or page size", async () => {
    const unknown = await t.query(`{ fieldJob(id: "FJ-NOPE-1") { id } }`);
    expect(unknown.body.errors).toBeUndefined();
    expect(unknown.body.data.fieldJob).toBeNull();
    const malformed = await t.query(`{ fieldJob(id: "'; drop table field_jobs; --") { id } }`);
    expect(malformed.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const page = await t.query(`{ fieldJob(id: "FJ-KX-0001") { notes(first: 0) { id } } }`);
    expect(page.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a request without the gateway's token with 401 UNAUTHENTICATED", async () => {
    const result = await t.query(`{ fieldJob(id: "FJ-KX-0001") { id technicianPhone } }`, {}, null);
    expect(result.status).toBe(401);
    expect(result.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(result.body)).not.toContain("139-7100");
  });
});
