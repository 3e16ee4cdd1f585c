/**
 * Shared bits of the story acceptance tests (tests/stories/*.test.ts): small helpers to read
 * the gateway's answers (the reps who play each part are in ../helpers/people.ts).
 */
import { randomUUID } from "node:crypto";
import type { CallerClaims, Graph } from "../helpers/graphHarness";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Runs a query as `caller` and insists on an error-free answer; returns `data`. */
export async function ask<T = any>(graph: Graph, caller: CallerClaims, document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, body } = await graph.query(document, variables, { caller });
  if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors, null, 1)}`);
  expect(status).toBe(200);
  return body.data as T;
}

export function key(label: string): string {
  return `${label}-${randomUUID()}`;
}

/** The rep verifies the caller's identity on a login (SMS code read back by the customer). */
export async function verifyIdentity(graph: Graph, caller: CallerClaims, loginId: string): Promise<any> {
  const started = await ask(
    graph,
    caller,
    `mutation Start($loginId: ID!, $key: String!) { startIdentityVerification(loginId: $loginId, idempotencyKey: $key) { id loginId maskedDestination devCode } }`,
    { loginId, key: key("verify") },
  );
  const challenge = started.startIdentityVerification;
  expect(challenge.devCode).toMatch(/^\d{4,8}$/);
  const confirmed = await ask(
    graph,
    caller,
    `mutation Confirm($id: ID!, $code: String!) { confirmIdentityVerification(challengeId: $id, code: $code) { loginId verifiedBy verifiedUntil } }`,
    { id: challenge.id, code: challenge.devCode },
  );
  expect(confirmed.confirmIdentityVerification).toMatchObject({ loginId, verifiedBy: caller.sub });
  return challenge;
}

/** ISO date (YYYY-MM-DD) and HH:MM of an instant on the China Standard Time clock. */
export function cst(iso: string | number): { date: string; time: string } {
  const shifted = new Date(new Date(iso).getTime() + 8 * HOUR).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

export function codesOf(body: any): string[] {
  return (body.errors ?? []).map((e: any) => e.extensions?.code);
}

export function isNewestFirst(times: string[]): boolean {
  return times.every((at, i) => i === 0 || times[i - 1] >= at);
}

/**
 * Reactions run asynchronously (the kit's delivery): asks `read` until `done` holds or
 * `timeoutMs` passes, and returns the last answer, so the test's own assertions say what
 * was still missing. Bounded, never a fixed sleep.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000, everyMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * The customer-360 person a mobile belongs to, once the identity graph (customers'
 * identity-links reaction) linked every one of `identities` ("system:externalId") to them;
 * throws naming what is missing when that does not happen within `timeoutMs`.
 */
export async function personLinking(graph: Graph, caller: CallerClaims, mobile: string, identities: string[], timeoutMs = 20_000): Promise<string> {
  const read = () => ask(graph, caller, `query($p: String!) { customersByPhone(phone: $p) { id identities { system externalId } } }`, { p: mobile });
  const linksAll = (person: any) => identities.every((identity) => person.identities.some((link: any) => `${link.system}:${link.externalId}` === identity));
  const found = await eventually(read, (data) => data.customersByPhone.some(linksAll), timeoutMs);
  const person = found.customersByPhone.find(linksAll);
  if (!person) throw new Error(`no person links ${identities.join(", ")} within ${timeoutMs} ms: ${JSON.stringify(found.customersByPhone)}`);
  return person.id;
}
