import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { badInput, codedError, ErrorCode } from "../../../common/errorCodes";
import { Commitment, Handler, toCommitment, toHandler } from "../../kit";
import type { Context } from "../context";
import { BillingAccount, toBillingAccount } from "../types/BillingAccount";
import { BillingDispute, toBillingDispute } from "../types/BillingDispute";
import { Invoice, toInvoice } from "../types/Invoice";
import { parseReference } from "../validate";
import { openDispute } from "./openDispute";

const MAX_REASON = 2000;

@Resolver(() => BillingDispute)
export class BillingDisputeResolver {
  @Query(() => BillingDispute, { nullable: true, description: "A billing dispute by id; null when unknown" })
  async billingDispute(@Arg("id", () => String) id: string, @Ctx() ctx: Context): Promise<BillingDispute | null> {
    const row = await ctx.loaders.disputeById.load(parseReference(id, "id"));
    return row ? toBillingDispute(row) : null;
  }

  @Mutation(() => BillingDispute, { description: "Records a customer's dispute of an invoice and routes it to the operator's billing team. Repeating with the same key changes nothing." })
  async openBillingDispute(
    @Arg("accountNumber", () => String) accountNumber: string,
    @Arg("invoiceNumber", () => String) invoiceNumber: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<BillingDispute> {
    // Analysts read the graph; they do not act for customers.
    if (ctx.caller.role === "analyst") throw codedError(ErrorCode.FORBIDDEN, "analysts may not open disputes");
    const text = reason.trim();
    if (text.length === 0 || text.length > MAX_REASON) throw badInput(`reason must be 1-${MAX_REASON} characters`, { argument: "reason" });
    return openDispute(ctx, {
      accountNumber: parseReference(accountNumber, "accountNumber"),
      invoiceNumber: parseReference(invoiceNumber, "invoiceNumber"),
      reason: text,
      idempotencyKey,
    });
  }

  @FieldResolver(() => BillingAccount, { nullable: true })
  async account(@Root() dispute: BillingDispute, @Ctx() ctx: Context): Promise<BillingAccount | null> {
    const row = await ctx.loaders.accountByNumber.load(dispute.accountNumber);
    return row ? toBillingAccount(row) : null;
  }

  @FieldResolver(() => Invoice, { nullable: true })
  async invoice(@Root() dispute: BillingDispute, @Ctx() ctx: Context): Promise<Invoice | null> {
    if (!dispute.invoiceNumber) return null;
    const row = await ctx.loaders.invoiceByNumber.load(dispute.invoiceNumber);
    return row ? toInvoice(row) : null;
  }

  @FieldResolver(() => Handler, { nullable: true, description: "Who handles it now; null once closed" })
  async handledBy(@Root() dispute: BillingDispute, @Ctx() ctx: Context): Promise<Handler | null> {
    const row = await ctx.loaders.disputeHandler.load(dispute.id);
    return row ? toHandler(row) : null;
  }

  @FieldResolver(() => [Commitment], { description: "What was promised on it, and whether it is overdue" })
  async promises(@Root() dispute: BillingDispute, @Ctx() ctx: Context): Promise<Commitment[]> {
    const rows = await ctx.loaders.disputePromises.load(dispute.id);
    const now = new Date();
    return rows.map((row) => toCommitment(row, now));
  }
}
