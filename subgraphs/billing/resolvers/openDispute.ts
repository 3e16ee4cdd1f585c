import { randomUUID } from "node:crypto";
import { conflict, notFound } from "../../../common/errorCodes";
import { assignHandler, nowIso, recordEvent, withIdempotency } from "../../kit";
import type { Context } from "../context";
import { DISPUTE_MATTER } from "../loaders";
import { yuan } from "../money";
import { DISPUTE_TEAMS } from "../teams";
import { toBillingDispute, type BillingDispute } from "../types/BillingDispute";

export interface OpenDisputeInput {
  accountNumber: string;
  invoiceNumber: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * Opens a dispute once per key and at most one open dispute per invoice. Two concurrent
 * openings race on a unique index; withIdempotency lets the loser replay its own key's
 * answer or decide again and meet the winner's dispute (CONFLICT).
 */
export function openDispute(ctx: Context, input: OpenDisputeInput): Promise<BillingDispute> {
  const { idempotencyKey, ...args } = input;
  return withIdempotency(ctx.db, { subject: ctx.caller.subject, key: idempotencyKey, operation: "openBillingDispute", args }, async (trx) => {
    const account = await trx.selectFrom("billing_accounts").selectAll().where("number", "=", input.accountNumber).executeTakeFirst();
    if (!account) throw notFound(`billing account ${input.accountNumber} does not exist`, { argument: "accountNumber" });
    const invoice = await trx
      .selectFrom("invoices")
      .selectAll()
      .where("number", "=", input.invoiceNumber)
      .where("account_number", "=", account.number)
      .executeTakeFirst();
    if (!invoice) throw notFound(`invoice ${input.invoiceNumber} is not on account ${account.number}`, { argument: "invoiceNumber" });
    const open = await trx.selectFrom("billing_disputes").select("id").where("invoice_number", "=", invoice.number).where("status", "=", "OPEN").executeTakeFirst();
    if (open) throw conflict(`invoice ${invoice.number} already has an open dispute (${open.id})`, { disputeId: open.id });

    const at = nowIso();
    const { caller } = ctx;
    const row = {
      id: `DSP-${randomUUID().slice(0, 8).toUpperCase()}`,
      account_number: account.number,
      invoice_number: invoice.number,
      opened_at: at,
      reason: input.reason,
      status: "OPEN",
      closed_at: null,
      opened_by_name: caller.name,
      opened_by_role: caller.role,
      opened_by_org: caller.organization,
    };
    await trx.insertInto("billing_disputes").values(row).execute();
    await recordEvent(trx, {
      ownerId: account.number,
      at,
      kind: "DISPUTE_OPENED",
      summary: `Billing dispute ${row.id} opened on invoice ${invoice.number} (¥${yuan(Number(invoice.total_fen))}): ${input.reason}`,
      actor: { name: caller.name, role: caller.role, organization: caller.organization },
      subjectType: "BillingDispute",
      subjectId: row.id,
    });
    const team = DISPUTE_TEAMS[account.provider] ?? DISPUTE_TEAMS.unicom;
    await assignHandler(trx, { kind: DISPUTE_MATTER, id: row.id }, team, at, "New dispute routed to the billing team");
    return toBillingDispute(row);
  });
}

