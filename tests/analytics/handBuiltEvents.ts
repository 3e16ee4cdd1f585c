import type { DomainEvent, EventActor } from "../../subgraphs/kit/events";

/*
 * A small event set whose metrics are worked out by hand in tests/analytics/metrics.test.ts:
 * two after-sales cases (one escalated, called about after the customer fixed it, S5; two
 * promises, one kept late and one never, S4), two billing complaints (one unanswered for 40
 * days with a survey sent meanwhile, S4; one answered), two refused verifications (S2/S6).
 * Names, phones and addresses in actors and summaries are there so the masking scan has
 * something to find if anything leaked.
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

const customer: EventActor = { name: `${PII.customerName} ${PII.customerLatin}`, role: "customer", organization: "customer" };
const aolan: EventActor = { name: PII.handlerName, role: "rep", organization: "aolan", team: "Aolan L1" };
const yougou: EventActor = { name: "陈晓 Chen Xiao", role: "rep", organization: "yougou", team: "Yougou service desk" };
const unicomSystem: EventActor = { name: "Unicom billing system", role: "system", organization: "unicom" };
const unicomRep: EventActor = { name: "何芳 He Fang", role: "rep", organization: "unicom", team: "Unicom hotline" };
const securityDesk: EventActor = { name: "Security desk", role: "rep", organization: "security" };

let counter = 0;
function ev(source: string, ownerId: string, hours: number, type: string, actor: EventActor, subjectType: string, subjectId: string, extra: Record<string, unknown> = {}): DomainEvent {
  counter += 1;
  return {
    id: `hb-${String(counter).padStart(3, "0")}`,
    source,
    type,
    version: 1,
    occurredAt: new Date(T0 + hours * HOUR).toISOString(),
    actor,
    ownerId,
    payload: {
      subjectType,
      subjectId,
      summary: `${PII.customerName} (${PII.customerPhone}, ${PII.email}, ${PII.street}) called ${PII.handlerName} on ${PII.handlerMobile}`,
      city: "Wuhan",
      deviceModel: "Aolan AL-60",
      ...extra,
    },
    history: false,
  };
}

export function handBuiltEvents(): DomainEvent[] {
  counter = 0;
  return [
    // Matter A: opened, answered in 2 h, escalated, resolved by the customer at 10 h, then two more calls.
    ev("aftersales", "AS-1", 0, "case_opened", customer, "ServiceCase", "CS-A"),
    ev("aftersales", "AS-1", 2, "case_assigned", aolan, "ServiceCase", "CS-A", { tier: "L1" }),
    ev("aftersales", "AS-1", 3, "callback.promised", aolan, "ServiceCase", "CS-A"),
    ev("aftersales", "AS-1", 5, "case_escalated", aolan, "ServiceCase", "CS-A"),
    ev("customers", "C-1", 6, "contact.logged", yougou, "ServiceCase", "CS-A"),
    ev("aftersales", "AS-1", 10, "case.resolved_by_customer", customer, "ServiceCase", "CS-A"),
    ev("customers", "C-1", 12, "contact.logged", yougou, "ServiceCase", "CS-A"),
    ev("aftersales", "AS-1", 14, "contact.logged", aolan, "ServiceCase", "CS-A"),
    // Matter B: answered in 4 h, a promise due at 29 h kept at 53 h (1 day late), closed at 60 h.
    ev("aftersales", "AS-2", 0, "case_opened", customer, "ServiceCase", "CS-B"),
    ev("aftersales", "AS-2", 4, "case_assigned", aolan, "ServiceCase", "CS-B", { tier: "L1" }),
    ev("aftersales", "AS-2", 5, "callback_promised", aolan, "ServiceCase", "CS-B", { dueAt: new Date(T0 + 29 * HOUR).toISOString() }),
    ev("aftersales", "AS-2", 53, "callback_made", aolan, "ServiceCase", "CS-B"),
    ev("aftersales", "AS-2", 60, "case_closed", aolan, "ServiceCase", "CS-B"),
    // Matter C: a complaint escalated by a system, never answered; a survey at 48 h while it is open.
    ev("billing", "BA-1", 0, "complaint_opened", customer, "Complaint", "CMP-1"),
    ev("billing", "BA-1", 1, "complaint_escalated", unicomSystem, "Complaint", "CMP-1"),
    ev("billing", "BA-1", 48, "survey_sent", unicomSystem, "Survey", "SV-1"),
    // Matter D: a complaint answered at 3 h, resolved at 50 h; its survey at 100 h comes after.
    ev("billing", "BA-2", 0, "complaint_opened", customer, "Complaint", "CMP-2"),
    ev("billing", "BA-2", 3, "contact_logged", unicomRep, "Complaint", "CMP-2"),
    ev("billing", "BA-2", 50, "complaint_resolved", unicomRep, "Complaint", "CMP-2"),
    ev("billing", "BA-2", 100, "survey_sent", unicomSystem, "Survey", "SV-2"),
    // Refusals (S2/S6).
    ev("security", "SEC-1", 1, "verification.failed", securityDesk, "Verification", "VF-1"),
    ev("security", "SEC-1", 2, "request_refused", securityDesk, "Verification", "VF-2"),
  ];
}
