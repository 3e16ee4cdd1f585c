import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { toDevice, toMakerCustomer, toServiceCase } from "../mappers";
import { Device } from "../types/Device";
import { MakerCustomer } from "../types/MakerCustomer";
import { ServiceCase } from "../types/ServiceCase";
import { identifier, pageSize } from "../validation";

@Resolver(() => MakerCustomer)
export class MakerCustomerResolver {
  @Query(() => MakerCustomer, { nullable: true, description: "A maker registration by id (MR-...); null when unknown" })
  async makerCustomer(@Arg("id", () => String) id: string, @Ctx() ctx: Context): Promise<MakerCustomer | null> {
    const row = await ctx.loaders.makerCustomer.load(identifier(id, "makerCustomerId", "id"));
    return row ? toMakerCustomer(row) : null;
  }

  @FieldResolver(() => [Device], { description: "Registered devices, newest purchase first" })
  async devices(@Root() customer: MakerCustomer, @Ctx() ctx: Context): Promise<Device[]> {
    return (await ctx.loaders.devicesByOwner.load(customer.id)).map(toDevice);
  }

  @FieldResolver(() => [ServiceCase], { description: "Service cases, newest first" })
  async serviceCases(
    @Root() customer: MakerCustomer,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1-100, newest first" }) first: number | null,
  ): Promise<ServiceCase[]> {
    return (await ctx.loaders.casesByOwner(pageSize(first ?? 20)).load(customer.id)).map(toServiceCase);
  }
}
