import type { Kysely } from "kysely";
import { insertInChunks, recordEvent, type ActorInput } from "../../kit";
import type { EventInput } from "../../kit/customer360/writes";
import type { BillingAccountsTable, BillingDisputesTable, BillingLinesTable, BundleRulesTable, DB, InvoiceItemsTable, InvoicesTable, LineAddOnsTable, OutageLinesTable, OutagesTable, PaymentsTable, SuspensionsTable } from "../db/tables";
import { yuan } from "../money";
import { planFee } from "./catalog";

export const BILLING_SYSTEM: Record<string, ActorInput> = {
  unicom: { name: "联通计费系统 Unicom billing system", role: "system", organization: "unicom" },
  jiangcheng: { name: "江城有线账务系统 Jiangcheng billing system", role: "system", organization: "jiangcheng" },
};

const METHOD_NAMES: Record<string, string> = {
  ALIPAY: "Alipay",
  WECHAT_PAY: "WeChat Pay",
  BANK_DEBIT: "bank debit",
  BANK_TRANSFER: "bank transfer",
  CASH: "cash at the counter",
};

/** "2026-10" for the month a bill issued at `issuedAt` covers (the month before). */
export function periodBefore(issuedAt: string): string {
  const date = new Date(issuedAt);
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 7);
}

export const currentPeriod = (): string => new Date().toISOString().slice(0, 7);

export type ItemInput = Omit<InvoiceItemsTable, "id" | "invoice_number" | "position" | "quantity" | "unit" | "line_number"> & {
  line_number?: string | null;
  quantity?: number | null;
  unit?: string | null;
};

/** The monthly fee of a line's plan, as an invoice item. */
export const feeItem = (lineNumber: string, plan: string, description: string): ItemInput => ({
  description,
  line_number: lineNumber,
  amount_fen: planFee(plan),
  rule: `Plan ${plan} base fee ¥${yuan(planFee(plan))}/month`,
  quantity: 1,
  unit: "month",
});

export interface InvoiceInput {
  number: string;
  issuedAt: string;
  dueAt: string;
  items: ItemInput[];
  paid?: { at: string; method: string };
}

/**
 * Collects one story's rows and writes them together. Invoices and payments write their
 * own timeline events, so the timeline can't forget a bill.
 */
export class StoryBuilder {
  accounts: BillingAccountsTable[] = [];
  lines: BillingLinesTable[] = [];
  lineAddOns: LineAddOnsTable[] = [];
  rules: BundleRulesTable[] = [];
  invoices: InvoicesTable[] = [];
  items: InvoiceItemsTable[] = [];
  payments: PaymentsTable[] = [];
  suspensions: SuspensionsTable[] = [];
  outages: OutagesTable[] = [];
  outageLines: OutageLinesTable[] = [];
  disputes: BillingDisputesTable[] = [];
  events: EventInput[] = [];
  /** Writes that need the rows above first (handlers and promises on disputes). */
  after: Array<(db: Kysely<DB>) => Promise<void>> = [];

  event(account: BillingAccountsTable, event: Omit<EventInput, "ownerId" | "id">): void {
    this.events.push({ ...event, ownerId: account.number, id: `ev-${account.number}-${String(this.events.length + 1).padStart(3, "0")}` });
  }

  invoice(account: BillingAccountsTable, input: InvoiceInput): InvoicesTable {
    const total = input.items.reduce((sum, item) => sum + item.amount_fen, 0);
    const invoice: InvoicesTable = {
      number: input.number,
      account_number: account.number,
      period: periodBefore(input.issuedAt),
      issued_at: input.issuedAt,
      due_at: input.dueAt,
      total_fen: total,
      status: input.paid ? "PAID" : "UNPAID",
      paid_at: input.paid?.at ?? null,
    };
    this.invoices.push(invoice);
    input.items.forEach((item, index) =>
      this.items.push({
        id: `${input.number}-${index + 1}`,
        invoice_number: input.number,
        position: index + 1,
        description: item.description,
        line_number: item.line_number ?? null,
        amount_fen: item.amount_fen,
        rule: item.rule,
        quantity: item.quantity ?? null,
        unit: item.unit ?? null,
      }),
    );
    const system = BILLING_SYSTEM[account.provider];
    this.event(account, {
      at: input.issuedAt,
      kind: "INVOICE_ISSUED",
      summary: `Invoice ${input.number} for ${invoice.period} issued: ¥${yuan(total)}, due ${input.dueAt.slice(0, 10)}`,
      actor: system,
      subjectType: "Invoice",
      subjectId: input.number,
    });
    if (input.paid) {
      this.payments.push({ id: `PAY-${input.number}`, account_number: account.number, invoice_number: input.number, at: input.paid.at, amount_fen: total, method: input.paid.method });
      this.event(account, {
        at: input.paid.at,
        kind: "PAYMENT_RECEIVED",
        summary: `Payment of ¥${yuan(total)} received by ${METHOD_NAMES[input.paid.method] ?? input.paid.method} for ${input.number}`,
        actor: system,
        subjectType: "Invoice",
        subjectId: input.number,
      });
    }
    return invoice;
  }

  async write(db: Kysely<DB>): Promise<void> {
    await insertInChunks(db, "billing_accounts", this.accounts as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "billing_lines", this.lines as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "line_add_ons", this.lineAddOns as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "bundle_rules", this.rules as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "invoices", this.invoices as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "invoice_items", this.items as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "payments", this.payments as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "suspensions", this.suspensions as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "outages", this.outages as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "outage_lines", this.outageLines as unknown as Record<string, unknown>[]);
    await insertInChunks(db, "billing_disputes", this.disputes as unknown as Record<string, unknown>[]);
    for (const event of this.events) await recordEvent(db, event);
    for (const write of this.after) await write(db);
  }
}
