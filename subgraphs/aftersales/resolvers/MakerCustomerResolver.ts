import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { authorizeMakerRecord, visibleCases } from "../access";
import { canSeeMakerData } from "../../kit";
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
    return row ? toMakerCustomer(authorizeMakerRecord(ctx, row.maker, `registration ${row.id}`, row), ctx.caller) : null;
  }

  @FieldResolver(() => [Device], { description: "Registered devices, newest purchase first" })
  async devices(@Root() customer: MakerCustomer, @Ctx() ctx: Context): Promise<Device[]> {
    // A partner reaching another maker's registration through a case it is party to sees no devices of that maker.
    return (await ctx.loaders.devicesByOwner.load(customer.id)).filter((row) => canSeeMakerData(ctx.caller, row.maker)).map(toDevice);
  }

  @FieldResolver(() => [ServiceCase], { description: "Service cases, newest first" })
  async serviceCases(
    @Root() customer: MakerCustomer,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "1-100, newest first" }) first: number | null,
  ): Promise<ServiceCase[]> {
    const rows = await ctx.loaders.casesByOwner(pageSize(first ?? 20)).load(customer.id);
    return (await visibleCases(ctx, rows)).map(toServiceCase);
  }
}
