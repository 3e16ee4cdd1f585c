/**
 * Shared bits of the hand-over workflow tests (issue 14; the people who act are in
 * ../helpers/people.ts): the views each party reads after every action, and counters of what
 * an action wrote (timeline entries, outbox events), so a race can be shown to have made
 * exactly one transition.
 */
import { randomUUID } from "node:crypto";
import type { CallerClaims, Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";

export const key = (label: string) => `${label}-${randomUUID()}`;

export const CASE_VIEW = `query($number: String!) { serviceCase(number: $number) {
  number status tier priority ownershipState owningOrganization returnNumber handoffCount
  order { number }
  parties { organization role }
  handler { name team organization tier phone since }
  handoffs { from { name organization tier } to { name organization tier } at reason }
  transfers { fromOrganization toOrganization reason by { name organization } }
  tasks { id title status priority dueAt outcome assignee { name organization } }
  callbacks { id purpose status dueAt doneAt overdue keptLate lateText promisedBy { name organization } }
  promises { id status dueAt overdue overdueText keptAt }
  notes { id text visibility author { name organization } }
} }`;

export async function send(graph: Graph, caller: CallerClaims, document: string, variables: Record<string, unknown> = {}): Promise<{ data: any; codes: string[]; errors: any[] }> {
  const { body } = await graph.query(document, variables, { caller });
  const errors = body.errors ?? [];
  return { data: body.data, codes: errors.map((e: any) => e.extensions?.code ?? "NONE"), errors };
}

/** Runs and insists on no error. */
export async function ok(graph: Graph, caller: CallerClaims, document: string, variables: Record<string, unknown> = {}): Promise<any> {
  const answer = await send(graph, caller, document, variables);
  if (answer.errors.length) throw new Error(`unexpected errors: ${JSON.stringify(answer.errors, null, 1)}`);
  return answer.data;
}

export async function caseAs(graph: Graph, caller: CallerClaims, number: string): Promise<any> {
  return (await ok(graph, caller, CASE_VIEW, { number })).serviceCase;
}

/** C-S7's open matters and newest timeline entries as `caller` reads them. */
export async function customerAs(graph: Graph, caller: CallerClaims, id = "C-S7"): Promise<{ matters: any[]; timeline: any[] }> {
  const data = await ok(
    graph,
    caller,
    `query($id: ID!) { customer(id: $id) {
      openMatters { result { matters { kind subjectId status title dueAt overdue handler { name organization tier } handoffs { to { name tier } } promises { id status } } } }
      timeline(first: 50) { result { entries { kind summary subjectId actor { name organization } } } }
    } }`,
    { id },
  );
  return { matters: data.customer.openMatters.result.matters, timeline: data.customer.timeline.result.entries };
}

/** Timeline entries and outbox events aftersales holds about one subject (straight from its database). */
export async function written(graph: Graph, subjectId: string, kind: string): Promise<{ timeline: number; outbox: number }> {
  const db = (await graph.database("aftersales")).db as any;
  const timeline = await db.selectFrom("timeline_events").select("id").where("subject_id", "=", subjectId).where("kind", "=", kind).execute();
  const ids = timeline.map((row: any) => row.id);
  const outbox = ids.length ? await db.selectFrom("outbox").select("id").where("id", "in", ids).execute() : [];
  return { timeline: timeline.length, outbox: outbox.length };
}

export const OPEN_FROM_RETURN = `mutation($r: String!, $s: String!, $summary: String!, $k: String!) {
  openServiceCaseFromReturn(returnNumber: $r, serial: $s, summary: $summary, idempotencyKey: $k) { number status tier ownershipState owningOrganization returnNumber order { number } handler { name organization tier } }
}`;
export const ESCALATE = `mutation($n: String!, $reason: String!, $k: String!) { escalateCase(caseNumber: $n, reason: $reason, idempotencyKey: $k) { number status tier ownershipState handler { name tier } } }`;
export const TAKE_OVER = `mutation($n: String!, $k: String!, $phone: String) { takeOverCase(caseNumber: $n, phone: $phone, hours: "09:00-18:00", team: "Second-line experts (L2)", idempotencyKey: $k) { number ownershipState handler { name organization tier phone } handoffCount } }`;
export const ASSIGN = `mutation($n: String!, $name: String!, $k: String!) { assignCase(caseNumber: $n, assigneeName: $name, assigneeTeam: "Hotline first line (L1)", idempotencyKey: $k) { number ownershipState handler { name tier } } }`;
export const PRIORITY = `mutation($n: String!, $p: String!, $k: String!) { changeCasePriority(caseNumber: $n, priority: $p, reason: "customer's bank deadline", idempotencyKey: $k) { number priority } }`;
export const TRANSFER = `mutation($n: String!, $to: String!, $k: String!) { transferCase(caseNumber: $n, toOrganization: $to, reason: "needs an on-site repair", idempotencyKey: $k) { number owningOrganization ownershipState handler { name organization } parties { organization } } }`;

/** Opens a fresh case from return RT-0707's device (the seeded S7 laptop), as the retailer does. */
export async function openFromReturn(graph: Graph, returnNumber: string): Promise<any> {
  const data = await ok(graph, PEOPLE.yougouRep, OPEN_FROM_RETURN, { r: returnNumber, s: "HW-MBE-7007001", summary: "无法安装银行客户端 / cannot install the bank's client", k: key("open") });
  return data.openServiceCaseFromReturn;
}
