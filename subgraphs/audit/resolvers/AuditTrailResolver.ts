import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../../common/errorCodes";
import type { Context } from "../context";
import { requireSupervisor } from "../domain/access";
import { decodeAuditCursor, encodeAuditCursor } from "../domain/cursor";
import { toAuditEntry } from "../domain/mapping";
import { loadTrailPage } from "../domain/trail";
import { checkFilter, checkFirst } from "../domain/validation";
import { AuditEntry } from "../types/AuditEntry";
import { AuditTrailPage } from "../types/AuditTrailPage";

@Resolver(() => AuditEntry)
export class AuditTrailResolver {
  @Query(() => AuditTrailPage, {
    description: "Who read or changed what, newest first, per customer and/or per actor (S6). Supervisors only; give customerId, actorSubject or both.",
  })
  async auditTrail(
    @Arg("customerId", () => String, { nullable: true, description: "A customer id as the gateway saw it (C-S6)" }) customerId: string | null,
    @Arg("actorSubject", () => String, { nullable: true, description: "A caller's subject (rep-chen)" }) actorSubject: string | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page" }) after: string | null,
    @Ctx() context: Context,
  ): Promise<AuditTrailPage> {
    requireSupervisor(context.caller);
    const filter = {
      customerId: checkFilter(customerId, "customerId"),
      actorSubject: checkFilter(actorSubject, "actorSubject"),
      first: checkFirst(first),
      after: after === null || after === undefined ? undefined : decodeAuditCursor(after),
    };
    // An unfiltered trail is a bulk export, not a review; it would also walk no index.
    if (filter.customerId === undefined && filter.actorSubject === undefined) throw badInput("give customerId, actorSubject or both", { argument: "customerId" });
    const rows = await loadTrailPage(context.db, filter);
    const entries = rows.slice(0, first).map(toAuditEntry);
    const last = entries[entries.length - 1];
    return Object.assign(new AuditTrailPage(), {
      entries,
      hasMore: rows.length > first,
      endCursor: last ? encodeAuditCursor({ at: last.at, id: last.id }) : null,
    });
  }

  @FieldResolver(() => [String], { description: "Customers the operation touched (ids as the gateway saw them)" })
  async customerIds(@Root() entry: AuditEntry, @Ctx() context: Context): Promise<string[]> {
    return (await context.loaders.customersOfEntry.load(entry.id)).map((row) => row.customer_id);
  }
}
