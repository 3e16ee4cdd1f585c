import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { badInput } from "../../../common/errorCodes";
import { checkPageSize, forbidden, maskPhoneFor } from "../../kit";
import type { Context } from "../context";
import { linkIdentity, mergePersons, unlinkIdentity } from "../identity/supervisorLinks";
import { Customer } from "../types/Customer";
import { IdentityCandidatePage } from "../types/IdentityCandidate";
import { IdentityLinkArgs } from "../types/IdentityLinkArgs";

/** The supervisors' side of the identity graph (docs/IDENTITY.md); supervisor-only in accessMatrix.ts. */
@Resolver()
export class IdentityGraphResolver {
  @Query(() => IdentityCandidatePage, { description: "Open possible matches the identity graph did not merge (shared phone, disagreeing keys), oldest first. Supervisors only." })
  async identityCandidates(@Arg("first", () => Int, { defaultValue: 20 }) first: number, @Arg("after", () => String, { nullable: true }) after: string | null, @Ctx() ctx: Context): Promise<IdentityCandidatePage> {
    if (ctx.caller.role !== "supervisor") throw forbidden("only a supervisor reviews identity candidates", { role: ctx.caller.role });
    checkPageSize(first);
    let query = ctx.db.selectFrom("identity_candidates").selectAll().where("status", "=", "OPEN");
    if (after) {
      const [at, id] = Buffer.from(after, "base64url").toString("utf8").split("|");
      if (!at || !id) throw badInput("after is not a cursor from identityCandidates", { argument: "after" });
      query = query.where((eb) => eb.or([eb("created_at", ">", at), eb.and([eb("created_at", "=", at), eb("id", ">", id)])]));
    }
    const rows = await query.orderBy("created_at").orderBy("id").limit(first + 1).execute();
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      entries: page.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        system: row.system,
        identityId: row.external_id,
        personId: row.customer_id,
        candidatePersonId: row.candidate_id,
        rule: row.rule,
        matchedKey: row.matched_key.includes("@") ? row.matched_key : maskPhoneFor(ctx.caller, row.matched_key),
        eventId: row.event_id,
        status: row.status,
      })),
      endCursor: last ? Buffer.from(`${last.created_at}|${last.id}`).toString("base64url") : null,
      hasMore: rows.length > first,
      returned: page.length,
    };
  }

  @Mutation(() => Customer, { description: "Link a system's identity to a person (it moves if another person has it). Supervisors only; audited; idempotent per key." })
  linkIdentity(@Args() args: IdentityLinkArgs, @Ctx() ctx: Context): Promise<Customer> {
    return linkIdentity(ctx, args);
  }

  @Mutation(() => Customer, { description: "Unlink an identity from a person: back to the person a merge took it from, else to a person of its own (returned). Supervisors only." })
  unlinkIdentity(@Args() args: IdentityLinkArgs, @Ctx() ctx: Context): Promise<Customer> {
    return unlinkIdentity(ctx, args);
  }

  @Mutation(() => Customer, { description: "Merge person mergeId into keepId (identities, phones move; reversible per identity with unlinkIdentity). Refused for conflicting identities of one system or too many identities. Supervisors only." })
  mergePersons(@Arg("keepId") keepId: string, @Arg("mergeId") mergeId: string, @Arg("reason") reason: string, @Arg("idempotencyKey") idempotencyKey: string, @Ctx() ctx: Context): Promise<Customer> {
    return mergePersons(ctx, { keepId, mergeId, reason, idempotencyKey });
  }
}
