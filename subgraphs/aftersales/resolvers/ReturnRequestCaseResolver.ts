import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { caseVisible } from "../access";
import type { Context } from "../context";
import { toServiceCase } from "../mappers";
import { ReturnRequest } from "../types/ReturnRequest";
import { ServiceCase } from "../types/ServiceCase";

/** How the retailer sees the maker's case opened from its return (issue 14): who owns it now. */
@Resolver(() => ReturnRequest)
export class ReturnRequestCaseResolver {
  @FieldResolver(() => ServiceCase, { nullable: true, description: "The maker's case opened from this request (openServiceCaseFromReturn); null when none or not visible to the caller" })
  async serviceCase(@Root() request: ReturnRequest, @Ctx() ctx: Context): Promise<ServiceCase | null> {
    const row = await ctx.loaders.caseOfReturn.load(request.number);
    return row && (await caseVisible(ctx, row)) ? toServiceCase(row) : null;
  }
}

/** Any return number may have a case here (or none). */
export const returnRequestReference = { ReturnRequest: { __resolveReference: (ref: { number: string }) => ({ number: ref.number }) } };
