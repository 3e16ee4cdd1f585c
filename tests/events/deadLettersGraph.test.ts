/**
 * Issue 13: a reaction that keeps failing is retried with backoff and, after its attempts,
 * lands in its subgraph's dead letters, which a supervisor lists, pages and replays through
 * the gateway (kit/events/deadLetterFields.ts). The failure is real: the contractor's job
 * board refuses every cancellation (a trigger on field_jobs in the fieldservice database),
 * so fieldservice.job-follows-visit fails on the maker's visit.cancelled events; nothing in
 * the product knows about the test. Runs on the embedded log, or on JetStream when NATS_URL
 * is set (the subgraphs inherit it).
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { describeEachDatabase } from "../helpers/databases";
import { waitFor } from "../helpers/waitFor";
import type { Database } from "../../subgraphs/kit";

const CONSUMER = "fieldservice.job-follows-visit";
const MAX_ATTEMPTS = 3;
const REFUSAL = "job board offline";

const SUPERVISOR: CallerClaims = { role: "supervisor", org: "platform", sub: "dead-letter-supervisor" };
const REP: CallerClaims = { role: "rep", org: "yougou", sub: "dead-letter-rep" };
const PARTNER: CallerClaims = { role: "partner", org: "kuaixiu", sub: "dead-letter-partner" };
const ANALYST: CallerClaims = { role: "analyst", org: "platform", sub: "dead-letter-analyst" };

const LIST = `query($consumer: String, $first: Int!, $after: String, $all: Boolean) {
  fieldserviceDeadLetters(consumer: $consumer, first: $first, after: $after, includeReplayed: $all) {
    entries { id consumer eventId eventType source occurredAt error attempts failedAt replayedAt payload }
    endCursor hasMore
  }
}`;
const REPLAY = `mutation($id: ID!) { replayFieldserviceDeadLetter(id: $id) { applied deadLetter { id eventId attempts replayedAt } } }`;

const codesOf = (body: any): string[] => (body.errors ?? []).map((error: any) => error.extensions?.code ?? "NONE");

/** The contractor's job board refuses cancellations: any update setting a job CANCELLED fails. */
async function refuseCancellations(database: Database<any>): Promise<void> {
  if (database.dialect === "sqlite") {
    await sql
      .raw(`CREATE TRIGGER job_board_offline BEFORE UPDATE ON field_jobs WHEN NEW.status = 'CANCELLED' BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`)
      .execute(database.db);
  } else {
    await sql.raw(`CREATE FUNCTION job_board_offline() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${REFUSAL}'; END $$`).execute(database.db);
    await sql.raw(`CREATE TRIGGER job_board_offline BEFORE UPDATE ON field_jobs FOR EACH ROW WHEN (NEW.status = 'CANCELLED') EXECUTE FUNCTION job_board_offline()`).execute(database.db);
  }
}

async function acceptCancellations(database: Database<any>): Promise<void> {
  if (database.dialect === "sqlite") {
    await sql.raw(`DROP TRIGGER job_board_offline`).execute(database.db);
  } else {
    await sql.raw(`DROP TRIGGER job_board_offline ON field_jobs`).execute(database.db);
    await sql.raw(`DROP FUNCTION job_board_offline()`).execute(database.db);
  }
}

describeEachDatabase("dead letters through the graph", (target) => {
  let graph: Graph;
  let fieldservice: Database<any>;
  /** The dead letters of the two cancellations, by visit. */
  const byVisit: Record<string, any> = {};

  const list = async (variables: Record<string, unknown>, caller: CallerClaims = SUPERVISOR) => graph.query(LIST, { consumer: CONSUMER, first: 20, ...variables }, { caller });
  const jobStatus = async (id: string) => (await fieldservice.db.selectFrom("field_jobs").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
  const cancelNotes = async (id: string) => (await fieldservice.db.selectFrom("job_notes").select("id").where("job_id", "=", id).where("text", "like", "Cancelled:%").execute()).length;

  // Eight processes on a loaded machine: a longer hook timeout.
  beforeAll(async () => {
    graph = await startGraph(target, { EVENTS_MAX_ATTEMPTS: String(MAX_ATTEMPTS), EVENTS_RETRY_BASE_MS: "20" });
    fieldservice = await graph.database("fieldservice");
    await refuseCancellations(fieldservice);
    for (const visitId of ["VIS-0001", "VIS-0505"]) {
      const { body } = await graph.query(`mutation($v: String!, $k: String!) { cancelVisit(visitId: $v, reason: "resolved by the customer", idempotencyKey: $k) { id status } }`, { v: visitId, k: `dead-letters-${randomUUID()}` }, { caller: REP });
      expect(body.errors).toBeUndefined();
      expect(body.data.cancelVisit).toEqual({ id: visitId, status: "CANCELLED" });
    }
  }, 180_000);
  afterAll(() => graph?.stop());

  it("dead-letters each failing event after its attempts, and lists it to a supervisor", async () => {
    const entries = await waitFor(
      "both cancellations dead-lettered",
      async () => {
        const { body } = await list({});
        return body.data?.fieldserviceDeadLetters.entries.length === 2 ? body.data.fieldserviceDeadLetters.entries : undefined;
      },
      30_000,
      100,
    );
    for (const entry of entries) byVisit[JSON.parse(entry.payload).subjectId] = entry;
    expect(Object.keys(byVisit).sort()).toEqual(["VIS-0001", "VIS-0505"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ consumer: CONSUMER, eventType: "visit.cancelled", source: "aftersales", attempts: MAX_ATTEMPTS, replayedAt: null });
      expect(entry.error).toContain(REFUSAL);
      expect(Number.isNaN(Date.parse(entry.occurredAt))).toBe(false);
      expect(Date.parse(entry.failedAt)).toBeGreaterThanOrEqual(Date.parse(entry.occurredAt));
    }
    // The jobs were not touched: each attempt rolled back with its inbox row.
    expect(await jobStatus("FJ-KX-0001")).toBe("ASSIGNED");
    expect(await cancelNotes("FJ-KX-0001")).toBe(0);
  });

  it("pages oldest first and refuses a cursor it did not give (BAD_USER_INPUT)", async () => {
    const first = (await list({ first: 1 })).body.data.fieldserviceDeadLetters;
    expect(first.entries).toHaveLength(1);
    expect(first.hasMore).toBe(true);
    const second = (await list({ first: 1, after: first.endCursor })).body.data.fieldserviceDeadLetters;
    expect(second.entries).toHaveLength(1);
    expect(second.hasMore).toBe(false);
    expect([first.entries[0].id, second.entries[0].id].sort()).toEqual([byVisit["VIS-0001"].id, byVisit["VIS-0505"].id].sort());
    expect(first.entries[0].failedAt <= second.entries[0].failedAt).toBe(true);
    // Another consumer's list is empty.
    expect((await list({ consumer: "fieldservice.job-for-scheduled-visit" })).body.data.fieldserviceDeadLetters.entries).toEqual([]);

    const { body } = await list({ after: "not-a-cursor" });
    expect(codesOf(body)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses the rep, the partner and the analyst (FORBIDDEN), lists and replays alike", async () => {
    const id = byVisit["VIS-0001"].id;
    for (const caller of [REP, PARTNER, ANALYST]) {
      const listed = await list({}, caller);
      expect({ role: caller.role, codes: codesOf(listed.body), data: listed.body.data?.fieldserviceDeadLetters ?? null }).toEqual({ role: caller.role, codes: ["FORBIDDEN"], data: null });
      const replayed = await graph.query(REPLAY, { id }, { caller });
      expect({ role: caller.role, codes: codesOf(replayed.body) }).toEqual({ role: caller.role, codes: ["FORBIDDEN"] });
    }
    // Nothing ran for them: same attempts, still waiting, job untouched.
    const entry = (await list({})).body.data.fieldserviceDeadLetters.entries.find((candidate: any) => candidate.id === id);
    expect(entry).toMatchObject({ attempts: MAX_ATTEMPTS, replayedAt: null });
    expect(await jobStatus("FJ-KX-0001")).toBe("ASSIGNED");
  });

  it("answers a coded error when the reaction fails again, and keeps the dead letter with one more attempt", async () => {
    const id = byVisit["VIS-0001"].id;
    const { body } = await graph.query(REPLAY, { id }, { caller: SUPERVISOR });
    expect(codesOf(body)).toEqual(["CONFLICT"]);
    expect(body.errors[0].extensions).toMatchObject({ deadLetterId: id, attempts: MAX_ATTEMPTS + 1 });
    expect(body.errors[0].message).toContain(REFUSAL);
    const entry = (await list({})).body.data.fieldserviceDeadLetters.entries.find((candidate: any) => candidate.id === id);
    expect(entry).toMatchObject({ attempts: MAX_ATTEMPTS + 1, replayedAt: null });
    expect(await jobStatus("FJ-KX-0001")).toBe("ASSIGNED");
  });

  it("replays it once the cause is fixed: the effect happens once, a second replay says already applied", async () => {
    await acceptCancellations(fieldservice);
    const letter = byVisit["VIS-0001"];
    const requestId = `dead-letter-replay-${randomUUID()}`;
    const first = await graph.query(REPLAY, { id: letter.id }, { caller: SUPERVISOR, headers: { "x-request-id": requestId } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.replayFieldserviceDeadLetter).toMatchObject({ applied: true, deadLetter: { id: letter.id, eventId: letter.eventId } });
    expect(first.body.data.replayFieldserviceDeadLetter.deadLetter.replayedAt).not.toBeNull();
    expect(await jobStatus("FJ-KX-0001")).toBe("CANCELLED");
    expect(await cancelNotes("FJ-KX-0001")).toBe(1);

    const again = await graph.query(REPLAY, { id: letter.id }, { caller: SUPERVISOR });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.replayFieldserviceDeadLetter.applied).toBe(false);
    expect(await cancelNotes("FJ-KX-0001")).toBe(1);

    // Only the other one still waits; with includeReplayed both, this one marked replayed.
    const waiting = (await list({})).body.data.fieldserviceDeadLetters.entries;
    expect(waiting.map((entry: any) => entry.id)).toEqual([byVisit["VIS-0505"].id]);
    const all = (await list({ all: true })).body.data.fieldserviceDeadLetters.entries;
    expect(all.find((entry: any) => entry.id === letter.id).replayedAt).not.toBeNull();
    // The other job was not touched by this replay.
    expect(await jobStatus("FJ-KX-0505")).toBe("ASSIGNED");

    // Audited like every change: the supervisor's replay, its argument, under the customer (C-S1, visit VIS-0001).
    const trail = await graph.query(`{ auditTrail(customerId: "C-S1", first: 100) { entries { requestId operationType actorSubject arguments } } }`, {}, { caller: SUPERVISOR });
    const entry = trail.body.data.auditTrail.entries.find((candidate: any) => candidate.requestId === requestId);
    expect(entry).toMatchObject({ operationType: "MUTATION", actorSubject: SUPERVISOR.sub });
    expect(entry.arguments).toContain(letter.id);
  });

  it("answers NOT_FOUND for an id it does not have", async () => {
    const { body } = await graph.query(REPLAY, { id: "no-such-dead-letter" }, { caller: SUPERVISOR });
    expect(codesOf(body)).toEqual(["NOT_FOUND"]);
  });
});
