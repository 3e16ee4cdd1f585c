import type { Kysely } from "kysely";
import type { ActorInput } from "../../kit";
import type { CaseFacts } from "../../kit/events/catalogue";
import type { DB } from "../db/tables";

/*
 * The case facts every aftersales event carries (kit/events/catalogue.ts CaseFacts), read in
 * the mutation's own transaction after its change: the retailer, the contractor and the
 * customers subgraph follow the case from the event alone, without calling back here.
 */
export async function caseFacts(trx: Kysely<DB>, caseNumber: string, actor: ActorInput): Promise<CaseFacts> {
  const row = await trx.selectFrom("service_cases").select(["number", "maker", "order_number", "status"]).where("number", "=", caseNumber).executeTakeFirst();
  const parties = await trx.selectFrom("case_parties").select("organization").where("case_number", "=", caseNumber).execute();
  const organizations = [...new Set([...(row ? [row.maker] : []), ...parties.map((party) => party.organization)])].sort();
  return {
    caseNumber,
    maker: row?.maker,
    orderNumber: row?.order_number ?? null,
    caseStatus: row?.status,
    parties: organizations,
    saidBy: { name: actor.name, role: actor.role ?? null, organization: actor.organization },
  };
}

/**
 * Whether a visit's cancel reason says the customer resolved it himself (S1: "resolved by the
 * customer"). The reason is free text the rep types; these are the phrasings the desks use
 * (English and Chinese). Only used to tell the other parties; the visit is cancelled either way.
 */
export function saysResolvedByCustomer(reason: string): boolean {
  return /resolved by (the )?customer|customer (has )?(fixed|resolved|solved)|fixed (it )?(by )?(him|her|them)sel(f|ves)|客户(已)?(自行|自己)?(解决|修好)/i.test(reason);
}
