import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { toServiceCenter } from "../mappers";
import { ServiceArrangement } from "../types/ServiceArrangement";
import { ServiceCenter } from "../types/ServiceCenter";

@Resolver(() => ServiceArrangement)
export class ServiceArrangementResolver {
  @FieldResolver(() => ServiceCenter, { nullable: true, description: "The center the arrangement is with" })
  async serviceCenter(@Root() arrangement: ServiceArrangement, @Ctx() ctx: Context): Promise<ServiceCenter | null> {
    if (!arrangement.serviceCenterId) return null;
    const row = await ctx.loaders.serviceCenter.load(arrangement.serviceCenterId);
    return row ? toServiceCenter(row) : null;
  }
}
