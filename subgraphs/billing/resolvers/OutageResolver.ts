import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { BillingLine, toBillingLine } from "../types/BillingLine";
import { Outage, toOutage } from "../types/Outage";
import { pageSize, parseReference } from "../validate";

@Resolver(() => Outage)
export class OutageResolver {
  @Query(() => Outage, { nullable: true, description: "An outage by id (OUT-4001); null when unknown" })
  async outage(@Arg("id", () => String) id: string, @Ctx() ctx: Context): Promise<Outage | null> {
    const row = await ctx.loaders.outageById.load(parseReference(id, "id"));
    return row ? toOutage(row) : null;
  }

  @FieldResolver(() => [BillingLine], { description: "Lines it hit, by number, up to `first` (1-100)" })
  async affectedLines(@Root() outage: Outage, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<BillingLine[]> {
    const rows = await ctx.loaders.affectedLinesByOutage(pageSize(first)).load(outage.id);
    return rows.map(toBillingLine);
  }

  @FieldResolver(() => Int)
  async affectedLineCount(@Root() outage: Outage, @Ctx() ctx: Context): Promise<number> {
    const row = await ctx.loaders.affectedLineCountByOutage.load(outage.id);
    return row ? Number(row.n) : 0;
  }
}
