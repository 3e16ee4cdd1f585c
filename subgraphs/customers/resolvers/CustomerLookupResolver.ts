import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../../common/errorCodes";
import { decodeLookupKey, encodeKey, normalizeIdentifier, type IdentityRef, type LookupQuery } from "../../kit";
import type { Context } from "../context";
import { toCustomer } from "../mappers";
import { collectSources } from "../merge/sourceFields";
import { CustomerLookup, CustomerLookupResult } from "../types/CustomerLookup";

@Resolver(() => CustomerLookup)
export class CustomerLookupResolver {
  @Query(() => CustomerLookup, {
    description: "Find the customer from whatever the caller gives: phone (any format), email, order number, billing account or line, case number, device serial, login. Select `result`.",
  })
  findCustomers(@Arg("identifier") identifier: string): CustomerLookup {
    const normalized = normalizeIdentifier(identifier);
    if (!normalized) throw badInput(`"${identifier.slice(0, 80)}" is not a phone, email or reference number`, { argument: "identifier" });
    const query: LookupQuery = normalized;
    return { key: encodeKey(query) } as CustomerLookup;
  }

  @FieldResolver(() => CustomerLookupResult)
  async result(@Root() root: CustomerLookup, @Ctx() ctx: Context): Promise<CustomerLookupResult> {
    const query = decodeLookupKey(root.key);
    const { values: refs, missing } = collectSources<IdentityRef>(root as unknown as Record<string, unknown>, "Matches", () => true);
    const matchedBy = new Map<string, Set<string>>();
    const add = (customerId: string, how: string) => (matchedBy.get(customerId) ?? matchedBy.set(customerId, new Set()).get(customerId)!).add(how);

    // What this subgraph knows itself: phones, emails, customer ids.
    if (query.kind === "phone") {
      for (const row of await ctx.db.selectFrom("customer_phones").select("customer_id").where("phone", "=", query.value).execute()) add(row.customer_id, "phone");
    } else if (query.kind === "email") {
      for (const row of await ctx.db.selectFrom("customers").select("id").where("email", "=", query.value).execute()) add(row.id, "email");
    } else {
      for (const row of await ctx.db.selectFrom("customers").select("id").where("id", "=", query.value).execute()) add(row.id, "customer");
    }

    // What the sources matched, mapped back to people through the identity links.
    if (refs.length) {
      const links = await ctx.db
        .selectFrom("identity_links")
        .selectAll()
        .where((eb) => eb.or(refs.map((ref) => eb.and([eb("system", "=", ref.system), eb("external_id", "=", ref.externalId)]))))
        .execute();
      for (const ref of refs) {
        for (const link of links) if (link.system === ref.system && link.external_id === ref.externalId) add(link.customer_id, ref.matchedBy);
      }
    }

    const ids = [...matchedBy.keys()].sort();
    // A person merged into another (docs/IDENTITY.md) is found as the one it was merged into.
    const rows = ids.length ? await ctx.db.selectFrom("customers").selectAll().where("id", "in", ids).where("merged_into", "is", null).orderBy("id").execute() : [];
    for (const row of rows) ctx.servedCustomerIds.add(row.id);
    return {
      normalized: query.value,
      kind: query.kind,
      candidates: rows.map((row) => ({ customer: toCustomer(row, ctx.caller), matchedBy: [...matchedBy.get(row.id)!].sort() })),
      missingSources: missing,
    };
  }
}
