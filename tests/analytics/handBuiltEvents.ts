import type { DomainEvent, EventActor } from "../../subgraphs/kit/events";
import table from "./handBuiltEvents.json";

/*
 * A small event set whose metrics are worked out by hand in tests/analytics/metrics.test.ts:
 * two after-sales cases (one escalated, called about after the customer fixed it, S5; two
 * promises, one kept late and one never, S4), two billing complaints (one unanswered for 40
 * days with a survey sent meanwhile, S4; one answered), two refused verifications (S2/S6).
 * Names, phones and addresses in actors and summaries are there so the masking scan has
 * something to find if anything leaked. The events are in handBuiltEvents.json, in order, one
 * matter after another, each with what the metrics should make of it.
 */

export const T0 = Date.parse("2026-01-01T00:00:00.000Z");
export const HOUR = 3_600_000;
export const AS_OF = T0 + 40 * 24 * HOUR;

export const PII = {
  customerName: "王小明",
  customerLatin: "Wang Xiaoming",
  customerPhone: "13800138000",
  handlerName: "李工 Li Gong",
  handlerMobile: "13912345678",
  email: "wang.xiaoming@example.com",
  street: "武汉市洪山区珞喻路1037号",
};

const ACTORS: Record<string, EventActor> = {
  customer: { name: `${PII.customerName} ${PII.customerLatin}`, role: "customer", organization: "customer" },
  aolan: { name: PII.handlerName, role: "rep", organization: "aolan", team: "Aolan L1" },
  yougou: { name: "陈晓 Chen Xiao", role: "rep", organization: "yougou", team: "Yougou service desk" },
  unicomSystem: { name: "Unicom billing system", role: "system", organization: "unicom" },
  unicomRep: { name: "何芳 He Fang", role: "rep", organization: "unicom", team: "Unicom hotline" },
  securityDesk: { name: "Security desk", role: "rep", organization: "security" },
};

interface TableEvent {
  hours: number;
  source: string;
  ownerId: string;
  type: string;
  actor: string;
  subjectType: string;
  subjectId: string;
  extra?: Record<string, unknown>;
}

function ev(event: TableEvent, index: number): DomainEvent {
  return {
    id: `hb-${String(index + 1).padStart(3, "0")}`,
    source: event.source,
    type: event.type,
    version: 1,
    occurredAt: new Date(T0 + event.hours * HOUR).toISOString(),
    actor: ACTORS[event.actor],
    ownerId: event.ownerId,
    payload: {
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      summary: `${PII.customerName} (${PII.customerPhone}, ${PII.email}, ${PII.street}) called ${PII.handlerName} on ${PII.handlerMobile}`,
      city: "Wuhan",
      deviceModel: "Aolan AL-60",
      ...event.extra,
    },
    history: false,
  };
}

/** A fresh copy each call: tests change the events they are given. */
export function handBuiltEvents(): DomainEvent[] {
  return (table.matters as Array<{ events: TableEvent[] }>).flatMap((matter) => matter.events).map(ev);
}
