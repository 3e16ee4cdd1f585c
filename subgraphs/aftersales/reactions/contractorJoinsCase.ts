import { nowIso, recordEvent, type ActorInput } from "../../kit";
import type { EventCatalogue } from "../../kit/events/catalogue";
import type { DomainEvent, Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { caseFacts } from "../mutations/casePayload";

/*
 * S5: "the contractor is not a party to the case at all". The contractor working one of a
 * maker's visits becomes a party to that visit's case (case_parties, role FIELD_SERVICE),
 * which is what aftersales' access rules already read: a partner sees a case it is a party
 * to (access.ts caseVisible). So the contractor reads the case and its visits, and every
 * party sees who the field service is and the technician's phone.
 *
 * Why here, from the contractor's job events, and not derived at read time: parties are
 * aftersales' authorization data, checked on every case read; deriving them would make each
 * read (and each access decision) depend on the contractor's subgraph being up, and would
 * let another subgraph's answer widen access. A job event names the job's maker and visit;
 * the contractor joins only a case of that maker that owns that visit.
 * Seeded jobs (history, never published) join on their first event.
 */

type JobEvent = EventCatalogue["job.cancelled"] | EventCatalogue["job.moved"] | EventCatalogue["job.eta_updated"];

const CONTRACTOR_NAMES: Record<string, string> = { kuaixiu: "快修到家 Kuaixiu Home Service" };

function systemOnWordOf(maker: string, event: DomainEvent): ActorInput {
  const word = event.actor ? `${event.actor.name} (${event.actor.organization})` : event.source;
  return { name: `${maker} 售后系统 after-sales system, on ${event.source}'s word (${word})`, role: "system", organization: maker, team: null };
}

export const contractorJoinsCase: Reaction<DB> = {
  consumer: "aftersales.contractor-joins-case",
  sources: ["fieldservice"],
  types: ["job.cancelled", "job.moved", "job.eta_updated"],
  async handle(event, trx) {
    const p = event.payload as unknown as JobEvent;
    const contractor = p.contractor ?? event.actor?.organization;
    if (!p.visitId || !p.maker || !contractor) return;
    const visit = await trx.selectFrom("visits").select(["id", "case_number", "owner_id"]).where("id", "=", p.visitId).executeTakeFirst();
    if (!visit) return;
    const serviceCase = await trx.selectFrom("service_cases").select(["number", "maker", "owner_id"]).where("number", "=", visit.case_number).executeTakeFirst();
    // Only the maker the job works for can have brought the contractor in.
    if (!serviceCase || serviceCase.maker !== p.maker || contractor === serviceCase.maker) return;

    // Already a party (the maker named it when opening the case, or an earlier job event):
    // it does not join again; only the technician's phone is filled in when the row had none.
    const already = await trx.selectFrom("case_parties").select(["id", "phone"]).where("case_number", "=", serviceCase.number).where("organization", "=", contractor).execute();
    if (already.length > 0) {
      if (p.technicianPhone && already.every((party) => !party.phone)) {
        await trx.updateTable("case_parties").set({ phone: p.technicianPhone }).where("id", "=", already[0].id).where("phone", "is", null).execute();
      }
      return;
    }

    const at = nowIso();
    const name = `${CONTRACTOR_NAMES[contractor] ?? contractor}${p.technicianName ? ` (technician ${p.technicianName})` : ""}`;
    const inserted = await trx
      .insertInto("case_parties")
      .values({ id: `PTY-${serviceCase.number}-${contractor}`, case_number: serviceCase.number, organization: contractor, name, role: "FIELD_SERVICE", phone: p.technicianPhone ?? null, joined_at: at })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;

    const actor = systemOnWordOf(serviceCase.maker, event);
    await recordEvent(trx, {
      ownerId: serviceCase.owner_id,
      at,
      kind: "CASE_PARTY_JOINED",
      summary: `${name} joined case ${serviceCase.number} as field service: job ${p.jobId ?? p.subjectId} carries out visit ${visit.id}${p.technicianPhone ? `, technician's phone ${p.technicianPhone}` : ""}`,
      actor,
      subjectType: "ServiceCase",
      subjectId: serviceCase.number,
      payload: { ...(await caseFacts(trx, serviceCase.number, actor)), organization: contractor, role: "FIELD_SERVICE", onWordOf: event.actor ?? undefined },
    });
  },
};

