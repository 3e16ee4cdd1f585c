import type { DomainEvent, EventActor } from "../../kit/events";
import { seededRandom } from "../../kit/synthetic";

/*
 * A synthetic event stream with the stories' patterns at volume, for the bench and for
 * `npm run seed` (analytics' share of the synthetic customers): per person one service case
 * (answered by first line, sometimes escalated to second line, usually resolved) with the
 * S5 pattern of parties calling after it was resolved, a callback promise kept on time, late
 * or never (S4), sometimes a complaint left unanswered with a survey sent meanwhile (S4), and
 * sometimes a failed identity verification (S2/S6). Deterministic per person index.
 */

const HOUR = 3_600_000;
const CITIES = ["Wuhan", "Nanjing", "Shenzhen", "Beijing", "Shanghai", "Chengdu"];
const DEVICES = ["Aolan AL-60 water heater", "Hengtong HT-5 set-top box", "Huawei Matebook E", "Huawei Matebook 13", "Lenovo ThinkPad E14"];
const MAKERS = [
  { organization: "aolan", source: "aftersales" },
  { organization: "hengtong", source: "aftersales" },
  { organization: "huawei", source: "aftersales" },
];

export interface SyntheticEventOptions {
  /** Events happen in the `days` days before `endMs`. */
  endMs: number;
  days: number;
}

function actor(name: string, organization: string, role: string, team: string | null = null): EventActor {
  return { name, organization, role, team };
}

/** The events of synthetic person `index` (about 10 on average), with history = true. */
export function syntheticEventsFor(index: number, options: SyntheticEventOptions, city = CITIES[index % CITIES.length]): DomainEvent[] {
  const random = seededRandom(index * 7919 + 17);
  const events: DomainEvent[] = [];
  const owner = `AS-SYN-${index}`;
  const maker = MAKERS[index % MAKERS.length];
  const deviceModel = DEVICES[index % DEVICES.length];
  const start = options.endMs - Math.floor(random() * options.days * 24) * HOUR - 72 * HOUR;
  const caseId = `CS-SYN-${index}`;
  let n = 0;
  const add = (at: number, type: string, who: EventActor | null, extra: Record<string, unknown> = {}, source = maker.source, subjectType = "ServiceCase", subjectId = caseId, ownerId = owner) => {
    events.push({
      id: `syn-an-${index}-${n++}`,
      source,
      type,
      version: 1,
      occurredAt: new Date(at).toISOString(),
      actor: who,
      ownerId,
      payload: { subjectType, subjectId, summary: `synthetic ${type}`, city, deviceModel, ...extra },
      history: true,
    });
  };
  const customer = actor(`Synthetic customer ${index}`, "customer", "customer");
  const l1 = actor(`L1 agent ${index % 40}`, maker.organization, "rep", `${maker.organization} L1`);
  const l2 = actor(`L2 expert ${index % 12}`, maker.organization, "rep", `${maker.organization} L2`);
  const retailer = actor(`Yougou desk ${index % 25}`, "yougou", "rep", "Yougou service desk");

  add(start, "case_opened", customer);
  const firstResponse = start + (0.5 + random() * 8) * HOUR;
  add(firstResponse, "case_assigned", l1, { tier: "L1" });
  let at = firstResponse;
  if (random() < 0.3) {
    at += (2 + random() * 24) * HOUR;
    add(at, "case_escalated", l1, { tier: "L1" });
    add(at + 0.5 * HOUR, "case_assigned", l2, { tier: "L2" });
  }
  // S4: a callback promise, kept on time (60%), late (25%) or never (15%).
  const promisedAt = at + HOUR;
  const due = promisedAt + 24 * HOUR;
  add(promisedAt, "callback_promised", l1, { dueAt: new Date(due).toISOString(), tier: "L1" });
  const fate = random();
  if (fate < 0.6) add(due - 2 * HOUR, "callback_made", l1, { tier: "L1" });
  else if (fate < 0.85) add(due + (1 + random() * 96) * HOUR, "callback_made", l1, { tier: "L1" });
  if (random() < 0.85) {
    const resolvedAt = Math.max(at, promisedAt) + (4 + random() * 72) * HOUR;
    add(resolvedAt, random() < 0.3 ? "case_resolved_by_customer" : "case_resolved", random() < 0.5 ? customer : l2);
    // S5: parties calling after it was resolved.
    if (random() < 0.3) {
      const calls = 1 + Math.floor(random() * 4);
      for (let c = 0; c < calls; c++) add(resolvedAt + (c + 1) * (2 + random() * 10) * HOUR, "contact_logged", c % 2 === 0 ? retailer : l1, {}, c % 2 === 0 ? "customers" : maker.source);
    }
  }
  // S4: a billing complaint, sometimes never answered, sometimes surveyed meanwhile.
  if (random() < 0.2) {
    const complaintId = `CMP-SYN-${index}`;
    const billingOwner = `BA-SYN-${index}`;
    const opened = start + random() * 48 * HOUR;
    add(opened, "complaint_opened", customer, {}, "billing", "Complaint", complaintId, billingOwner);
    add(opened + 2 * HOUR, "complaint_escalated", actor("Billing system", "unicom", "system"), {}, "billing", "Complaint", complaintId, billingOwner);
    if (random() < 0.5) add(opened + (24 + random() * 200) * HOUR, "contact_logged", actor(`Hotline ${index % 9}`, "unicom", "rep", "Unicom hotline"), {}, "billing", "Complaint", complaintId, billingOwner);
    if (random() < 0.4) add(opened + 30 * HOUR, "survey_sent", actor("Survey system", "unicom", "system"), {}, "billing", "Survey", `SV-SYN-${index}`, billingOwner);
  }
  if (random() < 0.1) add(start - HOUR, "verification_failed", actor(`Security desk ${index % 5}`, "security", "rep"), {}, "security", "Verification", `VF-SYN-${index}`, `SEC-SYN-${index}`);
  return events.filter((event) => Date.parse(event.occurredAt) <= options.endMs);
}
