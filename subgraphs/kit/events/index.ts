export { EVENT_TYPES_BY_KIND, eventTypeForKind, type EventCatalogue, type EventType, type BasePayload } from "./catalogue";
export { createEventTables, type EventTables, type OutboxTable, type InboxTable, type DeadLettersTable } from "./outboxTables";
export { writeOutboxEvent, type OutboxEventInput } from "./writeOutboxEvent";
export { consumeOnce } from "./consumeOnce";
export type { DomainEvent, EventActor, Reaction } from "./reaction";
