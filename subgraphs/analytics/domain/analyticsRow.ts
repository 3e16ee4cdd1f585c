import type { DomainEvent } from "../../kit/events";
import { classify, normalizeType, type EventFlags } from "./classify";
import type { Pseudonymizer } from "./pseudonym";

/**
 * One event as the analytical store keeps it: already masked. Names, phones, emails,
 * addresses, handler mobiles and the free-text summary never enter the store, so no
 * query or export can leak them; persons, handlers and matters are pseudonymous keys.
 * Kept as they are: source, type, time, the actor's organization, role and team, and the
 * tier, city and device model a payload carries.
 */
export interface AnalyticsRow extends EventFlags {
  id: string;
  source: string;
  type: string;
  atMs: number;
  personKey: string;
  matterKey: string;
  matterType: string;
  organization: string | null;
  actorKey: string | null;
  actorRole: string | null;
  team: string | null;
  tier: string | null;
  city: string | null;
  deviceModel: string | null;
  /** A promise's due time (payload dueAt), null otherwise. */
  dueMs: number | null;
  history: boolean;
}

function text(value: unknown, max = 80): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : null;
}

function time(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function toAnalyticsRow(event: DomainEvent, key: Pseudonymizer): AnalyticsRow {
  const at = time(event.occurredAt);
  if (at === null) throw new Error(`event ${event.id} has no valid occurredAt`);
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const subjectType = text(payload.subjectType) ?? "Unknown";
  const subjectId = text(payload.subjectId, 200) ?? event.id;
  const type = normalizeType(String(event.type));
  return {
    id: event.id,
    source: event.source,
    type,
    atMs: at,
    personKey: key("P", `${event.source}:${event.ownerId}`),
    // One matter across parties: case numbers and ids are shared by every source that refers to them.
    matterKey: key("M", subjectId),
    matterType: subjectType,
    organization: text(event.actor?.organization),
    actorKey: event.actor?.name ? key("A", `${event.actor.organization}:${event.actor.name}`) : null,
    actorRole: text(event.actor?.role)?.toLowerCase() ?? null,
    team: text(event.actor?.team),
    tier: text(payload.tier, 20),
    city: text(payload.city, 40),
    deviceModel: text(payload.deviceModel, 60),
    dueMs: time(payload.dueAt),
    history: event.history === true,
    ...classify(type),
  };
}
