import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { authorizeOrder, visibleReturns } from "../access";
import type { Context } from "../context";
import { toCustomer, toOrder, toOrderLine, toReturnRequest, toStore } from "../mappers";
import { Order } from "../types/Order";
import { OrderLine } from "../types/OrderLine";
import { RetailerCustomer } from "../types/RetailerCustomer";
import { ReturnRequest } from "../types/ReturnRequest";
import { Store } from "../types/Store";
import { parseId } from "../validate";

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { nullable: true, description: "An order by number (YG-20261102-0001); null when unknown." })
  async order(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<Order | null> {
    const row = await ctx.loaders.order.load(parseId("orderNumber", number, "number"));
    return row && toOrder(await authorizeOrder(ctx, row));
  }

  @FieldResolver(() => [OrderLine])
  async lines(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderLine[]> {
    return (await ctx.loaders.linesOfOrder.load(order.number)).map(toOrderLine);
  }

  @FieldResolver(() => RetailerCustomer)
  async customer(@Root() order: Order, @Ctx() ctx: Context): Promise<RetailerCustomer> {
    const row = await ctx.loaders.customer.load(order.customerId);
    // orders.customer_id is a foreign key, so the row exists.
    return toCustomer(row!);
  }

  @FieldResolver(() => Store, { nullable: true, description: "The store, for in-store orders" })
  async store(@Root() order: Order, @Ctx() ctx: Context): Promise<Store | null> {
    if (!order.storeId) return null;
    const row = await ctx.loaders.store.load(order.storeId);
    return row && toStore(row);
  }

  @FieldResolver(() => [ReturnRequest], { description: "Return, refund and repair requests on this order, newest first" })
  async returns(@Root() order: Order, @Ctx() ctx: Context): Promise<ReturnRequest[]> {
    return (await visibleReturns(ctx, await ctx.loaders.returnsOfOrder.load(order.number))).map(toReturnRequest);
  }
}
