import type { Graph } from "../helpers/graphHarness";
import { PII } from "./handBuiltEvents";

/**
 * Every personal value the seeded graph holds that an analyst must never see: customers'
 * names, phones (as stored and as 11 digits), emails and street addresses, handlers' names
 * and mobiles, actors' names on every source's timeline, plus the hand-built events' PII.
 */
export async function seededPiiValues(graph: Graph, sources: string[]): Promise<string[]> {
  const values = new Set<string>(Object.values(PII));
  const customers = (await graph.database("customers")).db;
  for (const row of await customers.selectFrom("customers").select(["name", "name_latin", "email", "address"]).execute()) {
    for (const value of [row.name, row.name_latin, row.email, row.address]) if (value) values.add(value);
  }
  for (const row of await customers.selectFrom("customer_phones").select(["phone"]).execute()) values.add(row.phone);
  for (const source of sources) {
    const db = (await graph.database(source)).db;
    for (const row of await db.selectFrom("timeline_events").select(["actor_name"]).where("actor_name", "is not", null).execute()) values.add(row.actor_name);
    for (const row of await db.selectFrom("matter_handlers").select(["name", "phone"]).execute()) {
      values.add(row.name);
      // A short service number (the carrier's 10010 hotline) is printed on every bill and in
      // summaries ("escalated from the 10010 hotline"): public, not a person's. A personal
      // line has at least 7 digits.
      if (row.phone && row.phone.replace(/\D/g, "").length >= 7) values.add(row.phone);
    }
  }
  // Phones also as bare digits (a mask that only dropped the separators is still a phone).
  for (const value of [...values]) {
    const digits = value.replace(/\D/g, "");
    if (digits.length >= 11 && /^\+?[\d\s()-]+$/.test(value)) values.add(digits.slice(-11));
  }
  // Short generic names ("system") would match harmless words; the scan checks what identifies someone.
  return [...values].filter((value) => value.trim().length >= 3 && !/^(system|customer)$/i.test(value));
}

/** The values of `pii` found in `text`. */
export function leaksIn(text: string, pii: string[]): string[] {
  return pii.filter((value) => text.includes(value));
}
