import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { authorizeVisitCase } from "../access";
import type { Context } from "../context";
import { toServiceCase, toServiceCenter, toTechnician, toVisit } from "../mappers";
import { ServiceCase } from "../types/ServiceCase";
import { ServiceCenter } from "../types/ServiceCenter";
import { Technician } from "../types/Technician";
import { Visit } from "../types/Visit";
import { identifier } from "../validation";

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit, { nullable: true, description: "A technician visit by id (VIS-...); null when unknown" })
  async visit(@Arg("id", () => String) id: string, @Ctx() ctx: Context): Promise<Visit | null> {
    const row = await ctx.loaders.visit.load(identifier(id, "visitId", "id"));
    if (!row) return null;
    await authorizeVisitCase(ctx, row.id, row.case_number);
    return toVisit(row);
  }

  @FieldResolver(() => ServiceCase, { nullable: true })
  async serviceCase(@Root() visit: Visit, @Ctx() ctx: Context): Promise<ServiceCase | null> {
    const row = await ctx.loaders.serviceCase.load(visit.caseNumber);
    return row ? toServiceCase(row) : null;
  }

  @FieldResolver(() => Technician, { nullable: true, description: "Who comes, and how to reach them" })
  async technician(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Technician | null> {
    if (!visit.technicianId) return null;
    const row = await ctx.loaders.technician.load(visit.technicianId);
    return row ? toTechnician(row) : null;
  }

  @FieldResolver(() => ServiceCenter, { nullable: true, description: "The service center sending the technician" })
  async serviceCenter(@Root() visit: Visit, @Ctx() ctx: Context): Promise<ServiceCenter | null> {
    if (!visit.serviceCenterId) return null;
    const row = await ctx.loaders.serviceCenter.load(visit.serviceCenterId);
    return row ? toServiceCenter(row) : null;
  }
}
