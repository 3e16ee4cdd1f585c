import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { ownershipOf, owningOrgOf } from "../caseOwnership";
import type { Context } from "../context";
import { toCaseNote, toCaseTransfer } from "../handOverMappers";
import { CaseNote } from "../types/CaseNote";
import { CaseTransfer } from "../types/CaseTransfer";
import { ServiceCase } from "../types/ServiceCase";

/** What the hand-over actions (issue 14) add to a case: its ownership state, owning organization, return, transfers and notes. */
@Resolver(() => ServiceCase)
export class CaseOwnershipResolver {
  @FieldResolver(() => String, { description: "QUEUED (in a team queue), ASSIGNED (a person owns it), ESCALATED (waiting for the next tier to take over) or CLOSED" })
  async ownershipState(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<string> {
    const row = await ctx.loaders.serviceCase.load(serviceCase.number);
    return row ? ownershipOf(row) : "CLOSED";
  }

  @FieldResolver(() => String, { description: "The organization handling the case now (the maker until a transfer)" })
  async owningOrganization(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<string> {
    const row = await ctx.loaders.serviceCase.load(serviceCase.number);
    return row ? owningOrgOf(row) : serviceCase.maker;
  }

  @FieldResolver(() => String, { nullable: true, description: "The retailer's return or repair request the case was opened from (RT-...)" })
  async returnNumber(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.serviceCase.load(serviceCase.number))?.return_number ?? null;
  }

  @FieldResolver(() => Int, { description: "How many times ownership changed hands (handoffs after the first owner)" })
  async handoffCount(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<number> {
    return Math.max(0, (await ctx.loaders.caseHandlers.load(serviceCase.number)).length - 1);
  }

  @FieldResolver(() => [CaseTransfer], { description: "Hand-overs between organizations, oldest first" })
  async transfers(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<CaseTransfer[]> {
    return (await ctx.loaders.caseTransfers.load(serviceCase.number)).map(toCaseTransfer);
  }

  @FieldResolver(() => [CaseNote], { description: "Notes, oldest first: SHARED ones, and INTERNAL ones of the caller's own organization" })
  async notes(@Root() serviceCase: ServiceCase, @Ctx() ctx: Context): Promise<CaseNote[]> {
    const rows = await ctx.loaders.caseNotes.load(serviceCase.number);
    return rows.filter((row) => row.visibility === "SHARED" || row.author_org === ctx.caller.organization).map(toCaseNote);
  }
}
