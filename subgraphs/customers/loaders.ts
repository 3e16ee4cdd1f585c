import DataLoader from "dataloader";
import { sql, type Kysely, type Selectable } from "kysely";
import { groupLoader, rowLoader } from "../kit";
import type { ContactsTable, DB } from "./db/tables";
import { contactFactsLoader } from "./beforeYouCallFacts";

/** Newest `limit` contacts per customer, for all customers in the answer, in one statement. */
function contactsLoader(db: Kysely<DB>, limit: number) {
  return groupLoader(
    (ids: readonly string[]) =>
      db
        .selectFrom((eb) =>
          eb
            .selectFrom("contacts")
            .selectAll()
            .select(sql<number>`row_number() over (partition by customer_id order by at desc, id desc)`.as("rn"))
            .where("customer_id", "in", ids)
            .as("ranked"),
        )
        .selectAll()
        .where("rn", "<=", limit)
        .orderBy("at", "desc")
        .execute() as Promise<Selectable<ContactsTable>[]>,
    (row) => row.customer_id,
  );
}

export function createLoaders(db: Kysely<DB>) {
  const contactsByLimit = new Map<number, DataLoader<string, Selectable<ContactsTable>[]>>();
  return {
    customer: rowLoader((ids: readonly string[]) => db.selectFrom("customers").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    phones: groupLoader((ids: readonly string[]) => db.selectFrom("customer_phones").selectAll().where("customer_id", "in", ids).execute(), (row) => row.customer_id),
    links: groupLoader((ids: readonly string[]) => db.selectFrom("identity_links").selectAll().where("customer_id", "in", ids).execute(), (row) => row.customer_id),
    complaints: groupLoader(
      (ids: readonly string[]) => db.selectFrom("complaints").selectAll().where("customer_id", "in", ids).orderBy("opened_at", "desc").execute(),
      (row) => row.customer_id,
    ),
    /** Contacts newest first, bounded per customer; one loader per page size. */
    contacts(limit: number) {
      let loader = contactsByLimit.get(limit);
      if (!loader) contactsByLimit.set(limit, (loader = contactsLoader(db, limit)));
      return loader;
    },
    /** Contact facts (resolved by the customer) with their contacts, shown first in "before you call". */
    contactFacts: contactFactsLoader(db),
    /** Latest contact per party, for "before you call". */
    latestContactPerParty: groupLoader(
      (ids: readonly string[]) =>
        db
          .selectFrom((eb) =>
            eb
              .selectFrom("contacts")
              .selectAll()
              .select(sql<number>`row_number() over (partition by customer_id, party order by at desc, id desc)`.as("rn"))
              .where("customer_id", "in", ids)
              .as("ranked"),
          )
          .selectAll()
          .where("rn", "=", 1)
          .orderBy("at", "desc")
          .execute() as Promise<Selectable<ContactsTable>[]>,
      (row) => row.customer_id,
    ),
    lastSurvey: rowLoader(
      (ids: readonly string[]) =>
        db.selectFrom("surveys").select(["customer_id", (eb) => eb.fn.max("sent_at").as("sent_at")]).where("customer_id", "in", ids).groupBy("customer_id").execute(),
      (row) => row.customer_id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
