import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { vasVisible } from "../access";
import type { Context } from "../context";
import { toVasOrder } from "../mappers";
import { ServiceCase } from "../types/ServiceCase";
import { ValueAddedServiceOrder } from "../types/ValueAddedServiceOrder";

@Resolver(() => ServiceCase)
export class ServiceCaseResolver {
  @FieldResolver(() => [ValueAddedServiceOrder], { description: "Paid services the retailer sold inside this case (S6), newest first" })
  async valueAddedServices(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<ValueAddedServiceOrder[]> {
    return (await ctx.loaders.vasOfCase.load(serviceCase.number)).filter((row) => vasVisible(ctx, row)).map(toVasOrder);
  }
}
