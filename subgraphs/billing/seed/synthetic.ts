import type { Kysely } from "kysely";
import { insertInChunks, recordSeededEvents, seededRandom, type EventInput, type SyntheticPerson } from "../../kit";
import type { BillingAccountsTable, BillingLinesTable, DB, InvoiceItemsTable, InvoicesTable, LineAddOnsTable, PaymentsTable } from "../db/tables";
import { yuan } from "../money";
import { ADD_ONS, PLANS } from "./catalog";
import { currentPeriod, periodBefore } from "./builder";

const DAY = 86_400_000;
const INDIVIDUAL_PLANS = PLANS.filter((plan) => plan.code.startsWith("UNI-IND") || plan.code.startsWith("UNI-CORP"));
const SYSTEM = { name: "联通计费系统 Unicom billing system", role: "system", organization: "unicom" };
const METHODS = ["ALIPAY", "WECHAT_PAY", "BANK_DEBIT"];

/**
 * Bulk billing history for synthetic people: one mobile account each, a monthly invoice and
 * (mostly) its payment, each writing a timeline event, about person.eventsPerSource in all.
 * Arrays first, then chunked inserts in one transaction: fast enough for 100k people.
 */
export async function seedSynthetic(db: Kysely<DB>, people: SyntheticPerson[]): Promise<void> {
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const accounts: BillingAccountsTable[] = [];
  const lines: BillingLinesTable[] = [];
  const lineAddOns: LineAddOnsTable[] = [];
  const invoices: InvoicesTable[] = [];
  const items: InvoiceItemsTable[] = [];
  const payments: PaymentsTable[] = [];
  const events: (EventInput & { id: string })[] = [];

  for (const person of people) {
    const random = seededRandom(person.index + 1);
    const number = person.ids.billing;
    const plan = INDIVIDUAL_PLANS[Math.floor(random() * INDIVIDUAL_PLANS.length)];
    const addOn = random() < 0.3 ? ADD_ONS[Math.floor(random() * 3)] : null;
    const months = Math.max(1, Math.ceil(person.eventsPerSource / 2));
    const fee = plan.monthly_fee_fen + (addOn?.fee_fen ?? 0);
    let balance = 0;
    const event = (at: string, kind: string, summary: string, subjectId: string) =>
      events.push({ id: `${number}-e${events.length}`, ownerId: number, at, kind, summary, actor: SYSTEM, subjectType: "Invoice", subjectId });

    for (let month = months - 1; month >= 0; month--) {
      const issuedAgo = (month * 30 + 3) * DAY + Math.floor(random() * DAY);
      const issuedAt = iso(issuedAgo);
      const invoiceNumber = `INV-${number}-${String(months - month).padStart(3, "0")}`;
      // The newest bill may still be open; older ones were paid, a few late.
      const paid = month > 0 || random() < 0.6;
      const paidAt = paid ? iso(issuedAgo - Math.floor(random() * 14 * DAY) - 3_600_000) : null;
      invoices.push({ number: invoiceNumber, account_number: number, period: periodBefore(issuedAt), issued_at: issuedAt, due_at: iso(issuedAgo - 15 * DAY), total_fen: fee, status: paid ? "PAID" : "UNPAID", paid_at: paidAt });
      items.push({ id: `${invoiceNumber}-1`, invoice_number: invoiceNumber, position: 1, description: `${plan.name} ${plan.name_latin ?? ""} monthly fee`.trim(), line_number: person.phone, amount_fen: plan.monthly_fee_fen, rule: `Plan ${plan.code} base fee ¥${yuan(plan.monthly_fee_fen)}/month`, quantity: 1, unit: "month" });
      if (addOn) items.push({ id: `${invoiceNumber}-2`, invoice_number: invoiceNumber, position: 2, description: `${addOn.name} (add-on)`, line_number: person.phone, amount_fen: addOn.fee_fen, rule: `Add-on ${addOn.code} ¥${yuan(addOn.fee_fen)}/month`, quantity: 1, unit: "month" });
      event(issuedAt, "INVOICE_ISSUED", `Invoice ${invoiceNumber} issued: ¥${yuan(fee)}`, invoiceNumber);
      if (paidAt) {
        payments.push({ id: `PAY-${invoiceNumber}`, account_number: number, invoice_number: invoiceNumber, at: paidAt, amount_fen: fee, method: METHODS[Math.floor(random() * METHODS.length)] });
        event(paidAt, "PAYMENT_RECEIVED", `Payment of ¥${yuan(fee)} received for ${invoiceNumber}`, invoiceNumber);
      } else {
        balance -= fee;
      }
    }
    accounts.push({
      number, provider: "unicom", type: "INDIVIDUAL", holder_name: person.name, holder_name_latin: person.nameLatin, contact_phone: person.phone,
      address: person.city, address_latin: null, status: "ACTIVE", balance_fen: balance, opened_at: iso((months * 30 + 10) * DAY),
    });
    lines.push({
      number: person.phone, account_number: number, position: 1, kind: "MOBILE", member_name: person.name, member_name_latin: person.nameLatin, member_role: "HOLDER",
      plan_code: plan.code, status: "ACTIVE", activated_at: iso((months * 30 + 10) * DAY), equipment_serial: null, usage_period: currentPeriod(),
      usage_minutes: Math.floor(random() * plan.included_minutes), usage_data_mb: Math.floor(random() * plan.included_data_mb), usage_sms: Math.floor(random() * 40),
    });
    if (addOn) lineAddOns.push({ line_number: person.phone, add_on_code: addOn.code });
  }

  await db.transaction().execute(async (trx) => {
    // The catalogue is the stories'; a database seeded without them still needs the plans.
    const known = new Set((await trx.selectFrom("plans").select("code").execute()).map((row) => row.code));
    await insertInChunks(trx, "plans", PLANS.filter((plan) => !known.has(plan.code)) as unknown as Record<string, unknown>[]);
    const knownAddOns = new Set((await trx.selectFrom("add_ons").select("code").execute()).map((row) => row.code));
    await insertInChunks(trx, "add_ons", ADD_ONS.filter((addOn) => !knownAddOns.has(addOn.code)) as unknown as Record<string, unknown>[]);
    for (const [table, rows] of [
      ["billing_accounts", accounts],
      ["billing_lines", lines],
      ["line_add_ons", lineAddOns],
      ["invoices", invoices],
      ["invoice_items", items],
      ["payments", payments],
    ] as const) {
      await insertInChunks(trx, table, rows as unknown as Record<string, unknown>[]);
    }
    await recordSeededEvents(trx, events);
  });
}
