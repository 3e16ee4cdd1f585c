import type { EventInput, HandlerInput } from "./writes";
import type { MatterHandlersTable, TimelineEventsTable } from "./tables";

/*
 * The one mapping from the kit's write inputs to its table rows, shared by the single writes
 * (writes.ts) and the bulk seed writes (seedWrites.ts): a new column is added here once.
 */

export function timelineRow(id: string, event: EventInput): TimelineEventsTable {
  return {
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
  };
}

export function handlerRow(id: string, matter: { kind: string; id: string }, handler: HandlerInput, since: string, reason: string | null, until: string | null): MatterHandlersTable {
  return {
    id,
    matter_kind: matter.kind,
    matter_id: matter.id,
    name: handler.name,
    team: handler.team ?? null,
    organization: handler.organization,
    tier: handler.tier ?? null,
    phone: handler.phone ?? null,
    hours: handler.hours ?? null,
    since,
    until,
    reason,
  };
}
