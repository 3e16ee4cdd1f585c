/**
 * Shared bits of issue 14 part B's workflow tests (complaints, surveys, service center,
 * replacement, store-and-maker return): a raw call that keeps errors, the views every party
 * gets, and a race runner (the callers are in ../helpers/people.ts).
 */
import { randomUUID } from "node:crypto";
import type { CallerClaims, Graph } from "../helpers/graphHarness";

export const DAY = 86_400_000;

export function key(label: string): string {
  return `${label}-${randomUUID()}`;
}

export interface CallResult {
  data: any;
  codes: string[];
  errors: any[];
}

/** A request whose errors are kept (codes in order), for refusals and races. */
export async function call(graph: Graph, caller: CallerClaims, document: string, variables: Record<string, unknown> = {}): Promise<CallResult> {
  const { body } = await graph.query(document, variables, { caller });
  const errors = body.errors ?? [];
  return { data: body.data, codes: errors.map((e: any) => e.extensions?.code ?? "NONE"), errors };
}

/** Insists on no errors; returns data. */
export async function ok(graph: Graph, caller: CallerClaims, document: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await call(graph, caller, document, variables);
  if (result.errors.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors, null, 1)}`);
  return result.data;
}

export const MATTERS_VIEW = `query View($id: ID!) { customer(id: $id) {
  complaints { id status escalated dueAt overdue overdueText owner { name team organization } answer answeredBy { name organization } }
  openMatters { result {
    count
    surveyEligibility { eligible reasons }
    matters { source kind subjectType subjectId status dueAt overdue handler { name team organization } handoffs { to { name } reason } promises { description status overdue overdueText keptAt } }
  } }
  timeline(first: 30) { result { entries { kind summary subjectType subjectId actor { name organization } } } }
} }`;

/** One party's view of a customer: complaints, open matters, timeline. */
export async function viewOf(graph: Graph, caller: CallerClaims, customerId: string): Promise<any> {
  return (await ok(graph, caller, MATTERS_VIEW, { id: customerId })).customer;
}

/** Runs `count` requests at once; returns their results. */
export async function race(count: number, attempt: (index: number) => Promise<CallResult>): Promise<CallResult[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => attempt(index)));
}

export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
