import type { Kysely } from "kysely";
import { insertInChunks, recordSeededEvents, seededRandom, type EventInput, type SyntheticPerson } from "../../kit";
import type { DB, FieldJobsTable } from "../db/tables";
import { KUAIXIU_DISPATCH } from "../domain/contractor";

const DAY = 86_400_000;
const TECHNICIANS = ["陈刚 Chen Gang", "刘勇 Liu Yong", "黄伟 Huang Wei", "杨帆 Yang Fan", "周强 Zhou Qiang"];
const MAKERS = ["aolan", "hengtong", "xinghai", "lenovo", "huawei"];

/**
 * One job per synthetic person, for the visit aftersales' synthetic seeder books first
 * (VIS-S<index>-1), keyed by the person's maker registration; about eventsPerSource/3
 * events (dispatch, ETA, done). One transaction, chunked inserts.
 */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const jobs: FieldJobsTable[] = [];
  const events: (EventInput & { id: string })[] = [];
  const now = Date.now();
  for (const person of people) {
    const random = seededRandom(person.index + 7_000_003);
    const id = `FJ-S${person.index}`;
    const visitId = `VIS-S${person.index}-1`;
    const technician = TECHNICIANS[Math.floor(random() * TECHNICIANS.length)];
    const created = now - Math.floor(random() * 120 * DAY) - DAY;
    const open = random() < 0.1;
    const iso = (ms: number) => new Date(ms).toISOString();
    jobs.push({
      id,
      visit_id: visitId,
      owner_id: person.ids.aftersales,
      maker_org: MAKERS[person.index % MAKERS.length],
      status: open ? "ASSIGNED" : "COMPLETED",
      technician_name: technician,
      technician_phone: `+86 139-71${String(person.index % 100).padStart(2, "0")}-${String(1000 + (person.index % 9000)).slice(-4)}`,
      lat_e6: null,
      lng_e6: null,
      position_at: null,
      eta: open ? iso(now + 2 * DAY) : null,
      cancel_reason: null,
      created_at: iso(created),
      updated_at: iso(created + DAY),
    });
    const count = Math.max(1, Math.round(person.eventsPerSource / 3));
    for (let k = 0; k < count; k++) {
      const at = created + k * 3_600_000;
      const kind = k === 0 ? "TECHNICIAN_DISPATCHED" : "ETA_UPDATED";
      events.push({
        id: `syn-fs-${person.index}-${k}`,
        ownerId: person.ids.aftersales,
        at: iso(at),
        kind,
        summary: kind === "TECHNICIAN_DISPATCHED" ? `快修到家 Kuaixiu dispatched technician ${technician} for visit ${visitId}` : `Technician ${technician} ETA updated for visit ${visitId}`,
        actor: KUAIXIU_DISPATCH,
        subjectType: "FieldJob",
        subjectId: id,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertInChunks(trx, "field_jobs", jobs as unknown as Record<string, unknown>[]);
    await recordSeededEvents(trx, events);
  });
}
