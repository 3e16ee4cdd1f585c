import type { Kysely } from "kysely";
import { cstTime, nowIso, recordEvent, releaseHandler, settleCommitments, type ActorInput } from "../../kit";
import type { CaseFacts, EventCatalogue } from "../../kit/events/catalogue";
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
 */

type Cancelled = EventCatalogue["visit.cancelled"];
type Rescheduled = EventCatalogue["visit.rescheduled"];
type Resolved = EventCatalogue["case.resolved_by_customer"];

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

export const returnFollowsCase: Reaction<DB> = {
  consumer: "orders.return-follows-case",
  sources: ["aftersales"],
  types: ["visit.cancelled", "visit.rescheduled", "case.resolved_by_customer", "case.party_joined"],
  async handle(event, trx) {
    const facts = event.payload as unknown as CaseFacts;
    await followCaseReference(trx, facts);
    await followReturns(trx, event, facts);
  },
};
