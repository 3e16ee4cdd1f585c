import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { maskAddressFor } from "../../kit";
import type { Context } from "../context";
import { BillingAccount, toBillingAccount } from "../types/BillingAccount";
import { BillingDispute, toBillingDispute } from "../types/BillingDispute";
import { BillingLine, toBillingLine } from "../types/BillingLine";
import { BillingPayment, toBillingPayment } from "../types/BillingPayment";
import { BundleRule, toBundleRule } from "../types/BundleRule";
import { Invoice, toInvoice } from "../types/Invoice";
import { Outage, toOutage } from "../types/Outage";
import { Suspension, toSuspension } from "../types/Suspension";
import { pageSize, parseReference } from "../validate";

@Resolver(() => BillingAccount)
export class BillingAccountResolver {
  @Query(() => BillingAccount, { nullable: true, description: "A billing account by number (BA-2001); null when unknown" })
  async billingAccount(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<BillingAccount | null> {
    const row = await ctx.loaders.accountByNumber.load(parseReference(number, "number"));
    return row ? toBillingAccount(row) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  address(@Root() account: BillingAccount, @Ctx() ctx: Context): string | null {
    return maskAddressFor(ctx.caller, account.address);
  }

  @FieldResolver(() => String, { nullable: true })
  addressLatin(@Root() account: BillingAccount, @Ctx() ctx: Context): string | null {
    return maskAddressFor(ctx.caller, account.addressLatin);
  }

  @FieldResolver(() => [BillingLine], { description: "Lines in account order (corporate line 1 first), up to `first` (1-100)" })
  async lines(@Root() account: BillingAccount, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<BillingLine[]> {
    const rows = await ctx.loaders.linesByAccount(pageSize(first)).load(account.number);
    return rows.map(toBillingLine);
  }

  @FieldResolver(() => Int, { description: "How many lines the account has (lines() returns at most 100)" })
  async lineCount(@Root() account: BillingAccount, @Ctx() ctx: Context): Promise<number> {
    const row = await ctx.loaders.lineCountByAccount.load(account.number);
    return row ? Number(row.n) : 0;
  }

  @FieldResolver(() => [Invoice], { description: "Newest first" })
  async invoices(@Root() account: BillingAccount, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<Invoice[]> {
    const rows = await ctx.loaders.invoicesByAccount(pageSize(first)).load(account.number);
    return rows.map((row) => toInvoice(row));
  }

  @FieldResolver(() => [BillingPayment], { description: "Newest first" })
  async payments(@Root() account: BillingAccount, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<BillingPayment[]> {
    const rows = await ctx.loaders.paymentsByAccount(pageSize(first)).load(account.number);
    return rows.map(toBillingPayment);
  }

  @FieldResolver(() => [Suspension], { description: "Newest first; an ACTIVE one means service is cut now" })
  async suspensions(@Root() account: BillingAccount, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<Suspension[]> {
    const rows = await ctx.loaders.suspensionsByAccount(pageSize(first)).load(account.number);
    return rows.map(toSuspension);
  }

  @FieldResolver(() => [BillingDispute], { description: "Newest first" })
  async disputes(@Root() account: BillingAccount, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<BillingDispute[]> {
    const rows = await ctx.loaders.disputesByAccount(pageSize(first)).load(account.number);
    return rows.map(toBillingDispute);
  }

  @FieldResolver(() => [Outage], { description: "Outages that hit any of the account's lines, newest first" })
  async outages(@Root() account: BillingAccount, @Ctx() ctx: Context): Promise<Outage[]> {
    const rows = await ctx.loaders.outagesByAccount.load(account.number);
    // One row per affected line: an outage hitting two lines of the account is still one outage.
    const unique = new Map(rows.map((row) => [row.id, row] as const));
    return [...unique.values()].map(toOutage);
  }

  @FieldResolver(() => [BundleRule], { description: "Bundle rules (family accounts): free calls among members, monthly cap, ..." })
  async bundleRules(@Root() account: BillingAccount, @Ctx() ctx: Context): Promise<BundleRule[]> {
    const rows = await ctx.loaders.bundleRulesByAccount.load(account.number);
    return rows.map(toBundleRule);
  }
}
