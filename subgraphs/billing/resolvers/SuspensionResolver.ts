import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { BillingAccount, toBillingAccount } from "../types/BillingAccount";
import { Invoice, toInvoice } from "../types/Invoice";
import { Suspension } from "../types/Suspension";

@Resolver(() => Suspension)
export class SuspensionResolver {
  @FieldResolver(() => Invoice, { nullable: true, description: "The unpaid invoice that triggered it, if any" })
  async triggeringInvoice(@Root() suspension: Suspension, @Ctx() ctx: Context): Promise<Invoice | null> {
    if (!suspension.invoiceNumber) return null;
    const row = await ctx.loaders.invoiceByNumber.load(suspension.invoiceNumber);
    return row ? toInvoice(row) : null;
  }

  @FieldResolver(() => BillingAccount, { nullable: true })
  async account(@Root() suspension: Suspension, @Ctx() ctx: Context): Promise<BillingAccount | null> {
    const row = await ctx.loaders.accountByNumber.load(suspension.accountNumber);
    return row ? toBillingAccount(row) : null;
  }
}
