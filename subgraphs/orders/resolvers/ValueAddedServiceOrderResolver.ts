import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { authorizeVas } from "../access";
import type { Context } from "../context";
import { toCustomer, toVasOrder } from "../mappers";
import { fenToYuan } from "../money";
import { RetailerCustomer } from "../types/RetailerCustomer";
import { ServiceCase } from "../types/ServiceCase";
import { ValueAddedServiceOffer } from "../types/ValueAddedServiceOffer";
import { ValueAddedServiceOrder } from "../types/ValueAddedServiceOrder";
import { parseId } from "../validate";
import { VAS_CATALOG } from "../vasCatalog";
import { orderValueAddedService } from "./orderValueAddedService";

@Resolver(() => ValueAddedServiceOrder)
export class ValueAddedServiceOrderResolver {
  @Query(() => ValueAddedServiceOrder, { nullable: true, description: "A value-added service order by number; null when unknown." })
  async valueAddedServiceOrder(@Arg("number", () => String) number: string, @Ctx() ctx: Context): Promise<ValueAddedServiceOrder | null> {
    const row = await ctx.loaders.vasOrder.load(parseId("vasNumber", number, "number"));
    return row && toVasOrder(authorizeVas(ctx, row));
  }

  @Query(() => [ValueAddedServiceOffer], { description: "What a rep may sell inside a case" })
  valueAddedServiceCatalog(): ValueAddedServiceOffer[] {
    return VAS_CATALOG.map((s) => ({ code: s.code, name: s.name, nameZh: s.nameZh, priceFen: s.priceFen, priceYuan: fenToYuan(s.priceFen) }));
  }

  @Mutation(() => ValueAddedServiceOrder, { description: "Sell a value-added service inside a maker's service case (S6). Safe to repeat with the same idempotencyKey." })
  async orderValueAddedService(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("customerId", () => ID, { description: "The customer's retailer id (RC-...)" }) customerId: string,
    @Arg("serviceCode", () => String, { description: "A code from valueAddedServiceCatalog" }) serviceCode: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ValueAddedServiceOrder> {
    return orderValueAddedService(ctx.db, ctx.caller, { caseNumber, customerId, serviceCode, idempotencyKey });
  }

  @FieldResolver(() => RetailerCustomer)
  async customer(@Root() order: ValueAddedServiceOrder, @Ctx() ctx: Context): Promise<RetailerCustomer> {
    return toCustomer((await ctx.loaders.customer.load(order.customerId))!);
  }

  @FieldResolver(() => ServiceCase, { description: "The maker's case it was sold in (resolved by aftersales)" })
  serviceCase(@Root() order: ValueAddedServiceOrder): ServiceCase {
    return { number: order.caseNumber };
  }
}
