import type { Kysely } from "kysely";
import { cstTime, nowIso, recordEvent, releaseHandler, settleCommitments, type ActorInput } from "../../kit";
import type { CaseFacts, EventCatalogue, VisitScheduledPayload } from "../../kit/events/catalogue";
import type { DomainEvent, Reaction } from "../../kit/events/reaction";
import type { DB, ReturnRequestsTable } from "../db/tables";
import { returnMatterKind } from "../mappers";

/*
 * S1: after the visit is cancelled the retailer's order must not say "waiting for the
 * technician" any more. The retailer's return/repair request (status, next step), its
 * order's status and the retailer's copy of the case (service_case_refs: status, parties)
 * follow the maker's case from its events. Every update is conditional on the state it
 * replaces (an open request; an order still waiting on after-sales), so a late or repeated
 * event changes nothing, and a request already closed stays closed.
 *
 * The beginning too (a request filed through the graph, mutations/fileReturnRequest.ts): the
 * maker's case opened on the order takes on the open request the maker handles for that unit
 * (case.opened links it: maker_case_number), and a visit booked on that case makes it "waiting
 * for the after-sales technician" with the window (visit.scheduled), so the retailer's desk
 * reads on the order what the maker booked.
 */

type Cancelled = EventCatalogue["visit.cancelled"];
type Rescheduled = EventCatalogue["visit.rescheduled"];
type Resolved = EventCatalogue["case.resolved_by_customer"];
type Opened = CaseFacts & { serial?: string };
type Scheduled = VisitScheduledPayload & { subjectId?: string };

const SYSTEM: ActorInput = { name: "优购订单系统 Yougou order system", role: "system", organization: "yougou" };

/** Order states that only mean "after-sales is under way"; others (REFUND, RETURNED) are not ours to change. */
const AFTERSALES_ORDER_STATES = ["AWAITING_TECHNICIAN", "RETURN_IN_PROGRESS"];

function onWordOf(event: DomainEvent, maker: string): ActorInput {
  const word = event.actor ? `${event.actor.name} (${event.actor.organization})` : event.source;
  return { ...SYSTEM, name: `${SYSTEM.name}, on ${maker}'s word (${word})` };
}

function window(start: string, end: string): string {
  return `${cstTime(start)} to ${cstTime(end)} (China time)`;
}

/** What the request and its order become, and the line that says why. */
interface Outcome {
  status: string;
  nextStep: string | null;
  close: boolean;
  orderStatus: string;
  why: string;
}

function outcomeOf(event: DomainEvent, maker: string): Outcome | null {
  const who = event.actor ? `${event.actor.name} (${event.actor.organization})` : event.source;
  if (event.type === "case.resolved_by_customer" || (event.type === "visit.cancelled" && ((event.payload as unknown as Cancelled).caseStatus === "CLOSED" || (event.payload as unknown as Cancelled).resolvedByCustomer))) {
    const p = event.payload as unknown as Resolved & Cancelled;
    const what = event.type === "case.resolved_by_customer" ? `${maker} case ${p.caseNumber} closed by ${who}` : `${maker} visit ${p.visitId ?? p.subjectId} cancelled by ${who}`;
    const note = event.type === "case.resolved_by_customer" && p.reason ? ` ("${p.reason}")` : "";
    return {
      status: "RESOLVED_BY_CUSTOMER",
      nextStep: `Nothing to do: resolved by the customer${note}; no technician is coming (${what}). If the problem comes back, open a new request.`,
      close: true,
      orderStatus: "COMPLETED",
      why: `resolved by the customer — ${what}`,
    };
  }
  if (event.type === "visit.cancelled") {
    const p = event.payload as unknown as Cancelled;
    return {
      status: "WAITING_AFTERSALES",
      nextStep: `No technician is booked: ${maker} visit ${p.visitId ?? p.subjectId} was cancelled by ${who} (${p.reason ?? "no reason given"}). Ask ${maker} after-sales to book a new visit on case ${p.caseNumber}.`,
      close: false,
      orderStatus: "RETURN_IN_PROGRESS",
      why: `${maker} visit ${p.visitId ?? p.subjectId} cancelled by ${who}: ${p.reason ?? "no reason given"}`,
    };
  }
  if (event.type === "visit.scheduled") {
    const p = event.payload as unknown as Scheduled;
    if (!p.windowStart || !p.windowEnd) return null;
    return {
      status: "WAITING_AFTERSALES_TECHNICIAN",
      nextStep: `Wait for ${maker}'s after-sales technician on ${window(p.windowStart, p.windowEnd)} (visit ${p.visitId ?? p.subjectId}${p.technicianName ? `, ${p.technicianName}` : ""}, booked by ${who}); cancel it on ${maker}'s case ${p.caseNumber} if the problem is gone`,
      close: false,
      orderStatus: "AWAITING_TECHNICIAN",
      why: `${maker} booked visit ${p.visitId ?? p.subjectId} for ${window(p.windowStart, p.windowEnd)} on case ${p.caseNumber}`,
    };
  }
  if (event.type === "visit.rescheduled") {
    const p = event.payload as unknown as Rescheduled;
    if (!p.windowStart || !p.windowEnd) return null;
    return {
      status: "WAITING_AFTERSALES_TECHNICIAN",
      nextStep: `Wait for ${maker}'s after-sales technician on ${window(p.windowStart, p.windowEnd)} (visit ${p.newVisitId ?? p.subjectId}, moved from ${p.previousVisitId} by ${who}); cancel it on ${maker}'s case ${p.caseNumber} if the problem is gone`,
      close: false,
      orderStatus: "AWAITING_TECHNICIAN",
      why: `${maker} visit ${p.previousVisitId} moved to ${window(p.windowStart, p.windowEnd)} by ${who}`,
    };
  }
  return null;
}

/** The retailer's copy of the case: status and parties as the maker last told. */
async function followCaseReference(trx: Kysely<DB>, facts: CaseFacts): Promise<void> {
  if (!facts.caseNumber || !facts.maker) return;
  const set = { ...(facts.caseStatus ? { status: facts.caseStatus } : {}), ...(facts.parties ? { parties: facts.parties.join(",") } : {}) };
  if (Object.keys(set).length === 0) return;
  const updated = await trx.updateTable("service_case_refs").set(set).where("case_number", "=", facts.caseNumber).where("maker", "=", facts.maker).executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0 || !facts.orderNumber || !facts.caseStatus) return;
  // A case on one of our orders that we had no copy of yet.
  const order = await trx.selectFrom("orders").select("customer_id").where("number", "=", facts.orderNumber).executeTakeFirst();
  if (!order) return;
  await trx
    .insertInto("service_case_refs")
    .values({ case_number: facts.caseNumber, customer_id: order.customer_id, maker: facts.maker, parties: (facts.parties ?? [facts.maker]).join(","), status: facts.caseStatus })
    .onConflict((oc) => oc.column("case_number").doNothing())
    .execute();
}

async function followReturns(trx: Kysely<DB>, event: DomainEvent, facts: CaseFacts): Promise<void> {
  if (!facts.orderNumber || !facts.maker) return;
  const outcome = outcomeOf(event, facts.maker);
  if (!outcome) return;
  const open = await trx.selectFrom("return_requests").selectAll().where("order_number", "=", facts.orderNumber).where("handling_party", "=", facts.maker).where("closed_at", "is", null).orderBy("number").execute();
  for (const request of open) await followReturn(trx, event, facts, outcome, request);
}

async function followReturn(trx: Kysely<DB>, event: DomainEvent, facts: CaseFacts, outcome: Outcome, request: ReturnRequestsTable): Promise<void> {
  // A refund or exchange waiting for the maker's certificate (S7) does not wait for a
  // technician: only the customer's resolution (which closes it) changes it from here.
  if (request.status === "CERTIFICATE_REQUIRED" && !outcome.close) return;
  const at = nowIso();
  const updated = await trx
    .updateTable("return_requests")
    .set({ status: outcome.status, next_step: outcome.nextStep, closed_at: outcome.close ? at : null })
    .where("number", "=", request.number)
    .where("closed_at", "is", null)
    .where("status", "=", request.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return;
  const matter = { kind: returnMatterKind(request.type), id: request.number };
  if (outcome.close) {
    await releaseHandler(trx, matter, at);
    await settleCommitments(trx, matter, "CANCELLED", at);
  }

  // The order waits on after-sales only while one of its requests is still open.
  const stillOpen = await trx.selectFrom("return_requests").select("number").where("order_number", "=", request.order_number).where("closed_at", "is", null).execute();
  const orderStatus = outcome.close && stillOpen.length > 0 ? "RETURN_IN_PROGRESS" : outcome.orderStatus;
  const order = await trx
    .updateTable("orders")
    .set({ status: orderStatus })
    .where("number", "=", request.order_number)
    .where("status", "in", AFTERSALES_ORDER_STATES)
    .executeTakeFirst();
  const orderChanged = Number(order.numUpdatedRows) > 0;

  await recordEvent(trx, {
    ownerId: request.customer_id,
    at,
    kind: "RETURN_STATUS_CHANGED",
    summary: `${request.number} now ${outcome.status}${outcome.close ? " (closed)" : ""}: ${outcome.why}${orderChanged ? `; order ${request.order_number} now ${orderStatus}` : ""}`,
    actor: onWordOf(event, facts.maker!),
    subjectType: "ReturnRequest",
    subjectId: request.number,
    payload: { returnNumber: request.number, orderNumber: request.order_number, status: outcome.status, nextStep: outcome.nextStep, orderStatus: orderChanged ? orderStatus : undefined, caseNumber: facts.caseNumber, causeEventId: event.id, onWordOf: event.actor ?? undefined },
  });
}

/** The maker opened a case on one of our orders: it takes on the open request it handles for that unit. */
async function linkOpenedCase(trx: Kysely<DB>, event: DomainEvent, p: Opened): Promise<void> {
  if (!p.caseNumber || !p.maker || !p.orderNumber) return;
  await followCaseReference(trx, { ...p, caseStatus: "OPEN" });
  const open = await trx
    .selectFrom("return_requests as r")
    .innerJoin("order_lines as l", (join) => join.onRef("l.order_number", "=", "r.order_number").onRef("l.line_no", "=", "r.line_no"))
    .select(["r.number", "l.serial"])
    .where("r.order_number", "=", p.orderNumber)
    .where("r.handling_party", "=", p.maker)
    .where("r.closed_at", "is", null)
    .where("r.maker_case_number", "is", null)
    .orderBy("r.number")
    .execute();
  // The unit the case is about when the line names it; otherwise the order's (only) open request.
  const same = open.filter((row) => !p.serial || !row.serial || row.serial === p.serial);
  const request = same.length === 1 ? same[0] : same.find((row) => row.serial === p.serial);
  if (!request) return;
  await trx.updateTable("return_requests").set({ maker_case_number: p.caseNumber }).where("number", "=", request.number).where("maker_case_number", "is", null).execute();
}

/** A visit booked on the maker's case behind a request: the request waits for that technician. */
async function followBookedVisit(trx: Kysely<DB>, event: DomainEvent, p: Scheduled): Promise<void> {
  if (!p.caseNumber || !p.maker || p.previousVisitId) return;
  const outcome = outcomeOf(event, p.maker);
  if (!outcome) return;
  const open = await trx.selectFrom("return_requests").selectAll().where("maker_case_number", "=", p.caseNumber).where("handling_party", "=", p.maker).where("closed_at", "is", null).orderBy("number").execute();
  const facts: CaseFacts = { caseNumber: p.caseNumber, maker: p.maker, caseStatus: "SCHEDULED" };
  if (open.length > 0) await trx.updateTable("service_case_refs").set({ status: "SCHEDULED" }).where("case_number", "=", p.caseNumber).where("maker", "=", p.maker).execute();
  for (const request of open) await followReturn(trx, event, facts, outcome, request);
}

export const returnFollowsCase: Reaction<DB> = {
  consumer: "orders.return-follows-case",
  sources: ["aftersales"],
  types: ["case.opened", "visit.scheduled", "visit.cancelled", "visit.rescheduled", "case.resolved_by_customer", "case.party_joined"],
  async handle(event, trx) {
    if (event.type === "case.opened") return linkOpenedCase(trx, event, event.payload as unknown as Opened);
    if (event.type === "visit.scheduled") return followBookedVisit(trx, event, event.payload as unknown as Scheduled);
    const facts = event.payload as unknown as CaseFacts;
    await followCaseReference(trx, facts);
    await followReturns(trx, event, facts);
  },
};
