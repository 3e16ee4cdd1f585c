import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { completeMatters, decodeKey, encodeKey, maskEntries, ownsOrNotPartner, type MattersQuery, type OpenMatter } from "../../kit";
import type { Context } from "../context";
import { toIdentityIds } from "../mappers";
import { mergeMatters } from "../merge/mergeMatters";
import { collectSources } from "../merge/sourceFields";
import { identitySystemOf, SELF } from "../sources";
import { surveyEligibility } from "../survey/surveyEligibility";
import { Customer } from "../types/Customer";
import { OpenMattersResult, OpenMattersView } from "../types/OpenMattersView";

@Resolver(() => Customer)
export class CustomerOpenMattersResolver {
  @FieldResolver(() => OpenMattersView, { description: "Who is handling each open matter right now, from every system. Select `result`." })
  async openMatters(@Root() customer: Customer, @Ctx() ctx: Context): Promise<OpenMattersView> {
    const links = await ctx.loaders.links.load(customer.id);
    const query: MattersQuery = { customerId: customer.id, ids: toIdentityIds(customer.id, links) };
    return { key: encodeKey(query) } as OpenMattersView;
  }
}

@Resolver(() => OpenMattersView)
export class OpenMattersResolver {
  @FieldResolver(() => OpenMattersResult)
  async result(@Root() root: OpenMattersView, @Ctx() ctx: Context): Promise<OpenMattersResult> {
    const query = decodeKey<MattersQuery>(root.key);
    ctx.servedCustomerIds.add(query.customerId);
    const asked = (source: string) => (query.ids[identitySystemOf(source)]?.length ?? 0) > 0;
    const { values, missing } = collectSources<OpenMatter>(root as unknown as Record<string, unknown>, "Matters", asked);
    const complaints = await ctx.loaders.complaints.load(query.customerId);
    // A partner sees the complaints about itself, as on Customer.complaints.
    const openComplaints = complaints.filter((c) => c.status !== "RESOLVED" && ownsOrNotPartner(ctx.caller, c.against_org));
    const own = await completeMatters(
      ctx.db,
      SELF,
      openComplaints.map((c) => ({
        kind: "COMPLAINT",
        id: c.id,
        title: `Complaint about ${c.against_org}: ${c.summary}`,
        status: c.status,
        openedAt: c.opened_at,
        priority: c.escalated ? "HIGH" : "NORMAL",
        subjectType: "Complaint",
        subjectId: c.id,
      })),
    );
    const matters = mergeMatters([...values, ...own]);
    const lastSurvey = await ctx.loaders.lastSurvey.load(query.customerId);
    return {
      matters: maskEntries(ctx.caller, matters),
      count: matters.length,
      overdueCount: matters.filter((m) => m.overdue).length,
      missingSources: missing,
      surveyEligibility: surveyEligibility({ matters, missingSources: missing, lastSurveyAt: lastSurvey?.sent_at ?? null }),
    };
  }
}
