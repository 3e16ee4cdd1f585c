import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { vasVisible, visibleOrders, visibleReturns } from "../access";
import type { Context } from "../context";
import { toCustomer, toOrder, toReturnRequest, toVasOrder } from "../mappers";
import { Order } from "../types/Order";
import { RetailerCustomer } from "../types/RetailerCustomer";
import { ReturnRequest } from "../types/ReturnRequest";
import { ValueAddedServiceOrder } from "../types/ValueAddedServiceOrder";
import { parseFirst, parseId } from "../validate";

@Resolver(() => RetailerCustomer)
export class RetailerCustomerResolver {
  @Query(() => RetailerCustomer, { nullable: true, description: "A Yougou Mall customer by id (RC-1001); null when unknown." })
  async retailerCustomer(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<RetailerCustomer | null> {
    const row = await ctx.loaders.customer.load(parseId("customerId", id, "id"));
    return row && toCustomer(row);
  }

  @FieldResolver(() => [Order], { description: "Newest first" })
  async orders(@Root() customer: RetailerCustomer, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null, @Ctx() ctx: Context): Promise<Order[]> {
    const rows = await ctx.loaders.ordersOfCustomer(parseFirst(first)).load(customer.id);
    return (await visibleOrders(ctx, rows)).map(toOrder);
  }

  @FieldResolver(() => [ReturnRequest], { description: "Return, refund and repair requests, newest first" })
  async returns(@Root() customer: RetailerCustomer, @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null, @Ctx() ctx: Context): Promise<ReturnRequest[]> {
    const rows = await ctx.loaders.returnsOfCustomer(parseFirst(first)).load(customer.id);
    return (await visibleReturns(ctx, rows)).map(toReturnRequest);
  }

  @FieldResolver(() => [ValueAddedServiceOrder], { description: "Paid services bought inside service cases, newest first" })
  async valueAddedServices(
    @Root() customer: RetailerCustomer,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<ValueAddedServiceOrder[]> {
    const rows = await ctx.loaders.vasOfCustomer(parseFirst(first)).load(customer.id);
    return rows.filter((row) => vasVisible(ctx, row)).map(toVasOrder);
  }
}
