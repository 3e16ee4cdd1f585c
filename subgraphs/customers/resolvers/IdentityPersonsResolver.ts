import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";
import { badInput } from "../../../common/errorCodes";
import { forbidden, parseOwners } from "../../kit";
import type { Context } from "../context";
import { IdentityPersons } from "../types/IdentityPersons";

/** The gateway sends at most this many identities per answer (kit/customerData.ts MAX_REPORTED_OWNERS per fetch, deduplicated). */
const MAX_IDENTITIES = 2000;

@Resolver()
export class IdentityPersonsResolver {
  /**
   * @inaccessible and system-only (accessMatrix.ts): the gateway asks, after a subgraph reported
   * serving `orders:RC-1001`, whose record that was, so the audit trail lists it under the person.
   */
  @Directive("@inaccessible")
  @Query(() => [IdentityPersons], { description: "Persons linked to each identity (gateway only)." })
  async personsOfIdentities(@Arg("identities", () => [String]) identities: string[], @Ctx() ctx: Context): Promise<IdentityPersons[]> {
    if (ctx.caller.role !== "system") throw forbidden("only the gateway resolves identities to persons", { role: ctx.caller.role });
    if (identities.length > MAX_IDENTITIES) throw badInput(`at most ${MAX_IDENTITIES} identities per call`, { argument: "identities" });
    const bySystem = new Map<string, string[]>();
    for (const owner of parseOwners(identities.join(","))) bySystem.set(owner.system, [...(bySystem.get(owner.system) ?? []), owner.id]);
    const persons = new Map<string, Set<string>>(identities.map((identity) => [identity, new Set<string>()]));
    if (bySystem.size === 0) return [];
    const rows = await ctx.db
      .selectFrom("identity_links")
      .select(["system", "external_id", "customer_id"])
      .where((eb) => eb.or([...bySystem].map(([system, ids]) => eb.and([eb("system", "=", system), eb("external_id", "in", ids)]))))
      .execute();
    for (const row of rows) persons.get(`${row.system}:${encodeURIComponent(row.external_id)}`)?.add(row.customer_id);
    // A person's own id resolves to itself when the person exists.
    const own = bySystem.get("customers") ?? [];
    if (own.length) {
      const existing = await ctx.db.selectFrom("customers").select("id").where("id", "in", own).execute();
      for (const row of existing) persons.get(`customers:${encodeURIComponent(row.id)}`)?.add(row.id);
    }
    return [...persons].map(([identity, customerIds]) => ({ identity, customerIds: [...customerIds] }));
  }
}
