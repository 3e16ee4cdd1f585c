import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Customer360Tables } from "./tables";
import { writeOutboxEvent } from "../events/writeOutboxEvent";

export interface ActorInput {
  name: string;
  role?: string | null;
  organization: string;
  team?: string | null;
}

export interface EventInput {
  /** Stable id when seeding; a fresh one otherwise. */
  id?: string;
  /** The customer's id in this system. */
  ownerId: string;
  at: string;
  kind: string;
  summary: string;
  actor?: ActorInput | null;
  subjectType: string;
  subjectId: string;
  /** Typed fields of the domain event beyond subject and summary (events/catalogue.ts). */
  payload?: Record<string, unknown>;
}

/**
 * Appends one timeline event and, with the same id on the same connection (so in the
 * mutation's transaction), its domain event to the outbox: one source of truth for what
 * happened. Seeded history (a stable `id` given) is written flagged history = 1: it happened
 * before any consumer existed, so reactions never see it (replaying it would re-trigger what
 * the seeds already contain); read models that backfill ask for it (Reaction.includeHistory).
 */
export async function recordEvent(db: Kysely<any>, event: EventInput): Promise<string> {
  const id = event.id ?? randomUUID();
  await (db as Kysely<Customer360Tables>)
    .insertInto("timeline_events")
    .values({
      id,
      owner_id: event.ownerId,
      at: event.at,
      kind: event.kind,
      summary: event.summary,
      actor_name: event.actor?.name ?? null,
      actor_role: event.actor?.role ?? null,
      actor_org: event.actor?.organization ?? null,
      actor_team: event.actor?.team ?? null,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
    })
    .execute();
  await writeOutboxEvent(db, {
    id,
    kind: event.kind,
    ownerId: event.ownerId,
    at: event.at,
    actor: event.actor ?? null,
    payload: { subjectType: event.subjectType, subjectId: event.subjectId, summary: event.summary, ...event.payload },
    history: event.id !== undefined,
  });
  return id;
}

export interface HandlerInput {
  name: string;
  team?: string | null;
  organization: string;
  tier?: string | null;
  phone?: string | null;
  hours?: string | null;
}

/**
 * Makes `handler` the current owner of a matter from `since`, closing the previous owner's
 * row: one current owner at a time, and the history says who handed over, when and why.
 */
export async function assignHandler(
  db: Kysely<any>,
  matter: { kind: string; id: string },
  handler: HandlerInput,
  since: string,
  reason?: string,
): Promise<void> {
  const typed = db as Kysely<Customer360Tables>;
  await typed.updateTable("matter_handlers").set({ until: since }).where("matter_id", "=", matter.id).where("matter_kind", "=", matter.kind).where("until", "is", null).execute();
  await typed
    .insertInto("matter_handlers")
    .values({
      id: randomUUID(),
      matter_kind: matter.kind,
      matter_id: matter.id,
      name: handler.name,
      team: handler.team ?? null,
      organization: handler.organization,
      tier: handler.tier ?? null,
      phone: handler.phone ?? null,
      hours: handler.hours ?? null,
      since,
      until: null,
      reason: reason ?? null,
    })
    .execute();
}

/** Ends ownership when a matter closes (nobody handles a closed matter). */
export async function releaseHandler(db: Kysely<any>, matter: { kind: string; id: string }, at: string): Promise<void> {
  await (db as Kysely<Customer360Tables>).updateTable("matter_handlers").set({ until: at }).where("matter_id", "=", matter.id).where("matter_kind", "=", matter.kind).where("until", "is", null).execute();
}

export interface CommitmentInput {
  id?: string;
  description: string;
  dueAt: string;
  madeBy?: { name: string; organization: string } | null;
  status?: "OPEN" | "KEPT" | "BROKEN" | "CANCELLED";
  keptAt?: string | null;
}

export async function addCommitment(db: Kysely<any>, matter: { kind: string; id: string }, commitment: CommitmentInput): Promise<string> {
  const id = commitment.id ?? randomUUID();
  await (db as Kysely<Customer360Tables>)
    .insertInto("commitments")
    .values({
      id,
      matter_kind: matter.kind,
      matter_id: matter.id,
      description: commitment.description,
      due_at: commitment.dueAt,
      made_by_name: commitment.madeBy?.name ?? null,
      made_by_org: commitment.madeBy?.organization ?? null,
      status: commitment.status ?? "OPEN",
      kept_at: commitment.keptAt ?? null,
    })
    .execute();
  return id;
}

/** Closes every open promise on a matter (kept when the matter was resolved, else cancelled). */
export async function settleCommitments(db: Kysely<any>, matter: { kind: string; id: string }, status: "KEPT" | "CANCELLED", at: string): Promise<void> {
  await (db as Kysely<Customer360Tables>)
    .updateTable("commitments")
    .set({ status, kept_at: status === "KEPT" ? at : null })
    .where("matter_id", "=", matter.id)
    .where("matter_kind", "=", matter.kind)
    .where("status", "=", "OPEN")
    .execute();
}
