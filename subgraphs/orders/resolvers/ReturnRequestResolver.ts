import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Handler } from "../../kit";
import { authorizeReturn } from "../access";
import type { Context } from "../context";
import { toCustomer, toHandler, toOrder, toOrderLine, toReturnRequest, toStore } from "../mappers";
import { Order } from "../types/Order";
import { OrderLine } from "../types/OrderLine";
import { RetailerCustomer } from "../types/RetailerCustomer";
import { ReturnRequest } from "../types/ReturnRequest";
import { Store } from "../types/Store";
import { parseId } from "../validate";

/** The order line a request is about, through the per-order loader (shared by item and parties). */
async function lineOf(request: ReturnRequest, ctx: Context) {
  return (await ctx.loaders.linesOfOrder.load(request.orderNumber)).find((row) => Number(row.line_no) === request.lineNo) ?? null;
}

@Resolver(() => ReturnRequest)
export class ReturnRequestResolver {
  @Query(() => ReturnRequest, { nullable: true, description: "A return/repair request by number (RT-0001); null when unknown." })
  async returnRequest(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<ReturnRequest | null> {
    const row = await ctx.loaders.returnRequest.load(parseId("returnNumber", number, "number"));
    return row && toReturnRequest(await authorizeReturn(ctx, row));
  }

  @FieldResolver(() => Order)
  async order(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<Order> {
    return toOrder((await ctx.loaders.order.load(request.orderNumber))!);
  }

  @FieldResolver(() => RetailerCustomer)
  async customer(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<RetailerCustomer> {
    return toCustomer((await ctx.loaders.customer.load(request.customerId))!);
  }

  @FieldResolver(() => OrderLine, { nullable: true, description: "The order line (product, serial) the request is about" })
  async item(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<OrderLine | null> {
    const line = await lineOf(request, ctx);
    return line ? toOrderLine(line) : null;
  }

  @FieldResolver(() => [String], { description: "Organizations the request spans: the retailer and the product's maker" })
  async parties(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<string[]> {
    const line = await lineOf(request, ctx);
    const product = line ? await ctx.loaders.product.load(line.sku) : null;
    return product && product.brand !== "yougou" ? ["yougou", product.brand] : ["yougou"];
  }

  @FieldResolver(() => Store, { nullable: true, description: "The store taking the goods back or paying the refund" })
  async store(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<Store | null> {
    if (!request.storeId) return null;
    const row = await ctx.loaders.store.load(request.storeId);
    return row && toStore(row);
  }

  @FieldResolver(() => Handler, { nullable: true, description: "Who is handling it now, and how to reach them" })
  async handler(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<Handler | null> {
    const row = await ctx.loaders.returnHandler.load(request.number);
    return row && toHandler(row);
  }
}
