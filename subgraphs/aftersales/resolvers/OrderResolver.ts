import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { visibleCases } from "../access";
import type { Context } from "../context";
import { toServiceCase } from "../mappers";
import { Order } from "../types/Order";
import { ServiceCase } from "../types/ServiceCase";
import { pageSize } from "../validation";

/** How the retailer's rep sees the maker's cases behind an order (S1). */
@Resolver(() => Order)
export class OrderResolver {
  @FieldResolver(() => [ServiceCase], { description: "The makers' service cases opened for this order, newest first" })
  async serviceCases(
    @Root() order: Order,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1-100, newest first" }) first: number | null,
  ): Promise<ServiceCase[]> {
    const rows = await ctx.loaders.casesByOrder(pageSize(first ?? 20)).load(order.number);
    return (await visibleCases(ctx, rows)).map(toServiceCase);
  }
}
