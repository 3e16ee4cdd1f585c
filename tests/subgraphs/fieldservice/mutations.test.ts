import type { Caller } from "../../../common/caller";
import { describeEachDatabase } from "../../helpers/databases";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import { REP_MAKER, REP_RETAILER } from "../../helpers/testCaller";
import { fieldserviceSubgraph } from "../../../subgraphs/fieldservice/subgraph";
import type { DB } from "../../../subgraphs/fieldservice/db/tables";
import { assignSeededHandlers } from "../../../subgraphs/kit";

const DISPATCHER: Caller = { subject: "kx-dispatch-li", name: "李调度 Dispatcher Li", role: "partner", organization: "kuaixiu" };

const ETA = `mutation E($jobId: ID!, $eta: String!, $note: String, $key: String!) { updateFieldJobEta(jobId: $jobId, eta: $eta, note: $note, idempotencyKey: $key) { id eta status updatedAt } }`;
const CANCEL = `mutation C($jobId: ID!, $reason: String!, $key: String!) { cancelFieldJob(jobId: $jobId, reason: $reason, idempotencyKey: $key) { id status cancelReason eta } }`;

describeEachDatabase("fieldservice: mutations", (target) => {
  let t: TestSubgraph<DB>;
  beforeAll(async () => {
    t = await startTestSubgraph(fieldserviceSubgraph, target);
  });
  afterAll(() => t.stop());

  const db = () => t.running.database.db;
  const eventsOf = (jobId: string, kind: string) => db().selectFrom("timeline_events").selectAll().where("subject_id", "=", jobId).where("kind", "=", kind).execute();
  const addJob = (id: string) =>
    db()
      .insertInto("field_jobs")
      .values({ id, visit_id: `VIS-${id}`, owner_id: "MR-AOLAN-5001", maker_org: "aolan", status: "ASSIGNED", technician_name: "赵刚 Zhao Gang", technician_phone: "+86 139-7100-2233", lat_e6: null, lng_e6: null, position_at: null, eta: null, cancel_reason: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })
      .execute();

  it("updates the ETA once per idempotency key, with a timeline event attributed to the caller", async () => {
    const eta = new Date(Date.now() + 26 * 3_600_000).toISOString();
    const first = await t.query(ETA, { jobId: "FJ-KX-0001", eta, note: "长江大桥堵车 Traffic on the Yangtze bridge", key: "eta-1" }, DISPATCHER);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.updateFieldJobEta).toMatchObject({ id: "FJ-KX-0001", eta, status: "ASSIGNED" });
    const events = await eventsOf("FJ-KX-0001", "ETA_UPDATED");
    const mine = events.filter((e) => e.actor_name === DISPATCHER.name);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ owner_id: "MR-AOLAN-5001", actor_org: "kuaixiu", subject_type: "FieldJob" });
    expect(mine[0].summary).toContain("Yangtze bridge");

    const repeat = await t.query(ETA, { jobId: "FJ-KX-0001", eta, note: "长江大桥堵车 Traffic on the Yangtze bridge", key: "eta-1" }, DISPATCHER);
    expect(repeat.body.data.updateFieldJobEta).toEqual(first.body.data.updateFieldJobEta);
    expect((await eventsOf("FJ-KX-0001", "ETA_UPDATED")).filter((e) => e.actor_name === DISPATCHER.name)).toHaveLength(1);
    const notes = await db().selectFrom("job_notes").selectAll().where("job_id", "=", "FJ-KX-0001").where("text", "like", "%Yangtze%").execute();
    expect(notes).toHaveLength(1);
  });

  it("lets the maker cancel its job: handler released, promise cancelled, event recorded; repeats change nothing", async () => {
    await addJob("FJ-T-CANCEL");
    await assignSeededHandlers(db(), [{ id: "H-T-CANCEL", matter: { kind: "FIELD_JOB", id: "FJ-T-CANCEL" }, handler: { name: "赵刚 Zhao Gang", organization: "kuaixiu" }, since: new Date().toISOString() }]);
    const first = await t.query(CANCEL, { jobId: "FJ-T-CANCEL", reason: "resolved by the customer", key: "cancel-1" }, REP_MAKER);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.cancelFieldJob).toEqual({ id: "FJ-T-CANCEL", status: "CANCELLED", cancelReason: "resolved by the customer", eta: null });
    const handler = await db().selectFrom("matter_handlers").selectAll().where("id", "=", "H-T-CANCEL").executeTakeFirstOrThrow();
    expect(handler.until).not.toBeNull();
    const repeat = await t.query(CANCEL, { jobId: "FJ-T-CANCEL", reason: "resolved by the customer", key: "cancel-1" }, REP_MAKER);
    expect(repeat.body.data.cancelFieldJob).toEqual(first.body.data.cancelFieldJob);
    const events = await eventsOf("FJ-T-CANCEL", "JOB_CANCELLED");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_org: "aolan", actor_name: REP_MAKER.name });

    // A new key on a closed job is a CONFLICT, not a silent second cancellation.
    const again = await t.query(CANCEL, { jobId: "FJ-T-CANCEL", reason: "again", key: "cancel-2" }, REP_MAKER);
    expect(again.body.errors[0].extensions.code).toBe("CONFLICT");
  });

  it("ends a concurrent cancel and ETA update in one consistent state", async () => {
    await addJob("FJ-T-RACE");
    const eta = new Date(Date.now() + 3_600_000).toISOString();
    const [cancel, update] = await Promise.all([
      t.query(CANCEL, { jobId: "FJ-T-RACE", reason: "customer fixed it", key: "race-cancel" }, DISPATCHER),
      t.query(ETA, { jobId: "FJ-T-RACE", eta, key: "race-eta" }, DISPATCHER),
    ]);
    const row = await db().selectFrom("field_jobs").selectAll().where("id", "=", "FJ-T-RACE").executeTakeFirstOrThrow();
    expect(row.status).toBe("CANCELLED");
    expect(cancel.body.errors).toBeUndefined();
    if (update.body.errors) {
      // The ETA update lost: nothing of it was written.
      expect(update.body.errors[0].extensions.code).toBe("CONFLICT");
      expect(await eventsOf("FJ-T-RACE", "ETA_UPDATED")).toHaveLength(0);
    } else {
      // It ran first; the cancellation then cleared the ETA.
      expect(await eventsOf("FJ-T-RACE", "ETA_UPDATED")).toHaveLength(1);
    }
    expect(row.eta).toBeNull();
    expect(await eventsOf("FJ-T-RACE", "JOB_CANCELLED")).toHaveLength(1);
  });

  it("refuses callers who did not order the job, and bad input, with coded errors and no writes", async () => {
    await addJob("FJ-T-GUARD");
    const retailer = await t.query(CANCEL, { jobId: "FJ-T-GUARD", reason: "customer says so", key: "guard-1" }, REP_RETAILER);
    expect(retailer.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await db().selectFrom("field_jobs").select("status").where("id", "=", "FJ-T-GUARD").executeTakeFirstOrThrow()).status).toBe("ASSIGNED");

    const badEta = await t.query(ETA, { jobId: "FJ-T-GUARD", eta: "tomorrow-ish", key: "guard-2" }, DISPATCHER);
    expect(badEta.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const badId = await t.query(CANCEL, { jobId: "not a job", reason: "x", key: "guard-3" }, DISPATCHER);
    expect(badId.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const badKey = await t.query(CANCEL, { jobId: "FJ-T-GUARD", reason: "x", key: " " }, DISPATCHER);
    expect(badKey.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const missing = await t.query(CANCEL, { jobId: "FJ-T-NOBODY", reason: "x", key: "guard-4" }, DISPATCHER);
    expect(missing.body.errors[0].extensions.code).toBe("NOT_FOUND");
    expect(await db().selectFrom("idempotency_keys").selectAll().where("key", "like", "guard-%").execute()).toHaveLength(0);
  });
});
