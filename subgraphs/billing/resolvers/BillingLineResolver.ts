import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { maskPhoneFor } from "../../kit";
import type { Context } from "../context";
import { BillingAccount, toBillingAccount } from "../types/BillingAccount";
import { BillingAddOn, toBillingAddOn } from "../types/BillingAddOn";
import { BillingLine, toBillingLine } from "../types/BillingLine";
import { BillingPlan, toBillingPlan } from "../types/BillingPlan";
import { Outage, toOutage } from "../types/Outage";
import { parseLineNumber } from "../validate";

@Resolver(() => BillingLine)
export class BillingLineResolver {
  @Query(() => BillingLine, { nullable: true, description: 'A line by phone number however typed ("+86 130-1111-2222") or operator id; null when unknown' })
  async billingLine(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<BillingLine | null> {
    const row = await ctx.loaders.lineByNumber.load(parseLineNumber(number));
    return row ? toBillingLine(row) : null;
  }

  /** The key stays whole inside the object (the other fields follow it); only what is shown is masked. */
  @FieldResolver(() => ID, { description: "Normalized phone number (13011112222, 02787654321) or operator id" })
  number(@Root() line: BillingLine, @Ctx() ctx: Context): string {
    return /^\d{7,}$/.test(line.number) ? maskPhoneFor(ctx.caller, line.number) : line.number;
  }

  @FieldResolver(() => BillingAccount, { nullable: true })
  async account(@Root() line: BillingLine, @Ctx() ctx: Context): Promise<BillingAccount | null> {
    const row = await ctx.loaders.accountByNumber.load(line.accountNumber);
    return row ? toBillingAccount(row) : null;
  }

  @FieldResolver(() => BillingPlan, { nullable: true })
  async plan(@Root() line: BillingLine, @Ctx() ctx: Context): Promise<BillingPlan | null> {
    const row = await ctx.loaders.planByCode.load(line.planCode);
    return row ? toBillingPlan(row) : null;
  }

  @FieldResolver(() => [BillingAddOn])
  async addOns(@Root() line: BillingLine, @Ctx() ctx: Context): Promise<BillingAddOn[]> {
    const rows = await ctx.loaders.addOnsByLine.load(line.number);
    return rows.map(toBillingAddOn);
  }

  @FieldResolver(() => [Outage], { description: "Outages that hit this line, newest first" })
  async outages(@Root() line: BillingLine, @Ctx() ctx: Context): Promise<Outage[]> {
    const rows = await ctx.loaders.outagesByLine.load(line.number);
    return rows.map(toOutage);
  }
}
