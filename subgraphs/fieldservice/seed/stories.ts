import type { Kysely, Transaction } from "kysely";
import { addCommitment, assignHandler, daysAgo, daysFromNow, minutesAgo, recordEvent, type HandlerInput } from "../../kit";
import type { DB, FieldJobsTable } from "../db/tables";
import { FIELD_JOB_MATTER, KUAIXIU_DISPATCH } from "../domain/contractor";
import { toMicroDegrees } from "../domain/mapping";

/*
 * docs/STORY_DATA.md: the contractor's jobs behind the makers' visits. Records are keyed by
 * the maker's registration ids (MR-AOLAN-5001 for S1, MR-HT-5005 for S5), since the
 * contractor works for the maker. Technicians' phones match aftersales' handlers.
 */

const ZHAO_GANG: HandlerInput = { name: "赵刚 Zhao Gang", team: "快修到家武汉洪山组 Kuaixiu Wuhan Hongshan crew", organization: "kuaixiu", phone: "+86 139-7100-2233", hours: "08:00-20:00" };
const MA_CHAO: HandlerInput = { name: "马超 Ma Chao", team: "快修到家武汉江汉组 Kuaixiu Wuhan Jianghan crew", organization: "kuaixiu", phone: "+86 139-7100-0505", hours: "08:00-20:00" };

function job(row: Omit<FieldJobsTable, "lat_e6" | "lng_e6" | "position_at" | "cancel_reason" | "updated_at"> & Partial<FieldJobsTable>): FieldJobsTable {
  return { lat_e6: null, lng_e6: null, position_at: null, cancel_reason: null, updated_at: row.created_at, ...row };
}

/** S1: Wang Lei's water heater. The technician nobody at the retailer could reach has a phone and an ETA here. */
async function seedS1(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-AOLAN-5001";
  const dispatchedAt = daysAgo(2, "11:20");
  const etaUpdatedAt = minutesAgo(180);
  await trx
    .insertInto("field_jobs")
    .values(
      job({
        id: "FJ-KX-0001",
        visit_id: "VIS-0001",
        owner_id: owner,
        maker_org: "aolan",
        status: "ASSIGNED",
        technician_name: ZHAO_GANG.name,
        technician_phone: ZHAO_GANG.phone!,
        // Last seen at the Hongshan crew's base (洪山区珞喻路), before tomorrow's route.
        lat_e6: toMicroDegrees(30.5052),
        lng_e6: toMicroDegrees(114.3434),
        position_at: minutesAgo(25),
        eta: daysFromNow(1, "15:30"),
        created_at: dispatchedAt,
        updated_at: etaUpdatedAt,
      }),
    )
    .execute();
  await trx
    .insertInto("job_notes")
    .values([
      { id: "JN-0001-1", job_id: "FJ-KX-0001", at: dispatchedAt, author: "快修到家调度 Kuaixiu dispatch", text: "热水器安装后漏水，带密封圈套件。 Water heater AL-EH60 leaks after installation: bring the gasket kit." },
      { id: "JN-0001-2", job_id: "FJ-KX-0001", at: etaUpdatedAt, author: "赵刚 Zhao Gang", text: "Route planned: Hongshan first stop after lunch, expect 15:30." },
    ])
    .execute();
  await assignHandler(trx, { kind: FIELD_JOB_MATTER, id: "FJ-KX-0001" }, ZHAO_GANG, dispatchedAt, "Dispatched by Kuaixiu for Aolan visit VIS-0001");
  await addCommitment(trx, { kind: FIELD_JOB_MATTER, id: "FJ-KX-0001" }, { id: "FJ-KX-0001-CALL", description: "Call the customer 30 minutes before arrival", dueAt: daysFromNow(1, "15:00"), madeBy: { name: KUAIXIU_DISPATCH.name, organization: "kuaixiu" } });
  await recordEvent(trx, {
    id: "fs-s1-01",
    ownerId: owner,
    at: dispatchedAt,
    kind: "TECHNICIAN_DISPATCHED",
    summary: "快修到家 Kuaixiu dispatched technician 赵刚 Zhao Gang (+86 139-7100-2233) for Aolan visit VIS-0001, tomorrow 14:00-18:00",
    actor: KUAIXIU_DISPATCH,
    subjectType: "FieldJob",
    subjectId: "FJ-KX-0001",
  });
  await recordEvent(trx, {
    id: "fs-s1-02",
    ownerId: owner,
    at: etaUpdatedAt,
    kind: "ETA_UPDATED",
    summary: "Technician 赵刚 Zhao Gang now expected tomorrow at 15:30 (China time) for visit VIS-0001",
    actor: { name: "赵刚 Zhao Gang", role: "technician", organization: "kuaixiu", team: ZHAO_GANG.team },
    subjectType: "FieldJob",
    subjectId: "FJ-KX-0001",
  });
}

/** S5: Liu Yang's set-top box. A first technician was dispatched, then replaced by a closer crew. */
async function seedS5(trx: Transaction<DB>): Promise<void> {
  const owner = "MR-HT-5005";
  const firstAt = daysAgo(1, "14:10");
  const cancelledAt = daysAgo(1, "16:00");
  const secondAt = daysAgo(1, "16:05");
  await trx
    .insertInto("field_jobs")
    .values([
      job({ id: "FJ-KX-0504", visit_id: "VIS-0505", owner_id: owner, maker_org: "hengtong", status: "CANCELLED", technician_name: "李明 Li Ming", technician_phone: "+86 139-7100-0504", eta: null, cancel_reason: "Reassigned to the Jianghan crew, closer to the customer", created_at: firstAt, updated_at: cancelledAt }),
      job({ id: "FJ-KX-0505", visit_id: "VIS-0505", owner_id: owner, maker_org: "hengtong", status: "ASSIGNED", technician_name: MA_CHAO.name, technician_phone: MA_CHAO.phone!, eta: daysFromNow(3, "10:00"), created_at: secondAt }),
    ])
    .execute();
  await trx
    .insertInto("job_notes")
    .values([
      { id: "JN-0504-1", job_id: "FJ-KX-0504", at: cancelledAt, author: "快修到家调度 Kuaixiu dispatch", text: "Cancelled: reassigned to the Jianghan crew, closer to the customer" },
      { id: "JN-0505-1", job_id: "FJ-KX-0505", at: secondAt, author: "快修到家调度 Kuaixiu dispatch", text: "两次停电后遥控器失灵，带备用遥控器 HT-RC20。 Remote stopped working after two power cuts: bring a spare HT-RC20 remote." },
    ])
    .execute();
  await assignHandler(trx, { kind: FIELD_JOB_MATTER, id: "FJ-KX-0505" }, MA_CHAO, secondAt, "Dispatched by Kuaixiu for Hengtong visit VIS-0505");
  const events = [
    { id: "fs-s5-01", at: firstAt, kind: "TECHNICIAN_DISPATCHED", summary: "快修到家 Kuaixiu dispatched technician 李明 Li Ming for Hengtong visit VIS-0505", subjectId: "FJ-KX-0504" },
    { id: "fs-s5-02", at: cancelledAt, kind: "JOB_CANCELLED", summary: "Kuaixiu job FJ-KX-0504 cancelled: reassigned to the Jianghan crew, closer to the customer", subjectId: "FJ-KX-0504" },
    { id: "fs-s5-03", at: secondAt, kind: "TECHNICIAN_DISPATCHED", summary: "快修到家 Kuaixiu dispatched technician 马超 Ma Chao (+86 139-7100-0505) for Hengtong visit VIS-0505, in 3 days 09:00-13:00", subjectId: "FJ-KX-0505" },
  ];
  for (const event of events) await recordEvent(trx, { ...event, ownerId: owner, actor: KUAIXIU_DISPATCH, subjectType: "FieldJob" });
}

export async function seedStories(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedS1(trx);
    await seedS5(trx);
  });
}
