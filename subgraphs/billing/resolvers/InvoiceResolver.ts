import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { maskPhoneFor } from "../../kit";
import type { Context } from "../context";
import { BillingAccount, toBillingAccount } from "../types/BillingAccount";
import { Invoice, toInvoice } from "../types/Invoice";
import { InvoiceItem, toInvoiceItem } from "../types/InvoiceItem";
import { parseReference } from "../validate";

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, { nullable: true, description: "An invoice by number; null when unknown" })
  async invoice(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<Invoice | null> {
    const row = await ctx.loaders.invoiceByNumber.load(parseReference(number, "number"));
    return row ? toInvoice(row) : null;
  }

  @FieldResolver(() => BillingAccount, { nullable: true })
  async account(@Root() invoice: Invoice, @Ctx() ctx: Context): Promise<BillingAccount | null> {
    const row = await ctx.loaders.accountByNumber.load(invoice.accountNumber);
    return row ? toBillingAccount(row) : null;
  }

  @FieldResolver(() => [InvoiceItem], { description: "Every charge and credit, in the order printed on the bill" })
  async items(@Root() invoice: Invoice, @Ctx() ctx: Context): Promise<InvoiceItem[]> {
    const rows = await ctx.loaders.itemsByInvoice.load(invoice.number);
    return rows.map(toInvoiceItem);
  }
}

@Resolver(() => InvoiceItem)
export class InvoiceItemResolver {
  @FieldResolver(() => String, { nullable: true, description: "The line it was charged for; null for account-level items" })
  lineNumber(@Root() item: InvoiceItem, @Ctx() ctx: Context): string | null {
    return item.lineNumber && /^\d{7,}$/.test(item.lineNumber) ? maskPhoneFor(ctx.caller, item.lineNumber) : item.lineNumber;
  }
}
