import type { Kysely } from "kysely";
import { insertInChunks } from "../synthetic";
import { handlerRow, timelineRow } from "./rows";
import type { EventInput, HandlerInput } from "./writes";

/*
 * Bulk writes of seeded history (benchmark customers, the bench's heavy person): the same
 * rows recordEvent and assignHandler write, thousands per statement batch. Seeded history
 * happened before any consumer existed, so, like recordEvent with a stable id, nothing goes
 * to the outbox.
 */

/** Timeline entries with their stable ids. */
export async function recordSeededEvents(db: Kysely<any>, events: (EventInput & { id: string })[]): Promise<void> {
  await insertInChunks(db, "timeline_events", events.map((event) => timelineRow(event.id, event) as unknown as Record<string, unknown>));
}

export interface SeededHandler {
  id: string;
  matter: { kind: string; id: string };
  handler: HandlerInput;
  since: string;
  /** Null: still the current handler. */
  until?: string | null;
  reason?: string | null;
}

/** Handler rows as they stand (each matter's history already consistent: one open row at most). */
export async function assignSeededHandlers(db: Kysely<any>, handlers: SeededHandler[]): Promise<void> {
  await insertInChunks(db, "matter_handlers", handlers.map((h) => handlerRow(h.id, h.matter, h.handler, h.since, h.reason ?? null, h.until ?? null) as unknown as Record<string, unknown>));
}
