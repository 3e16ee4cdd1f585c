import DataLoader from "dataloader";
import { sql, type Kysely } from "kysely";
import { groupLoader, MAX_BATCH, rowLoader } from "../kit";
import type { DB, IdentityVerificationsTable, LockoutsTable, LoginAttemptsTable, SecurityLoginsTable, SecurityNotificationsTable } from "./db/tables";

type PerLoginTable = "login_attempts" | "lockouts" | "security_notifications";

/**
 * The newest `first` rows of each login in ONE statement (row_number per login, standard
 * SQL on SQLite >= 3.25 and PostgreSQL): a login with 300 attempts costs what one with 3 does,
 * in statements and in rows read back.
 */
function newestPerLogin<R extends { login_id: string }>(db: Kysely<DB>, table: PerLoginTable, timeColumn: "at" | "since", first: number) {
  return groupLoader<string, R>(async (loginIds) => {
    const rows = await (db as Kysely<any>)
      .selectFrom((eb) =>
        eb
          .selectFrom(table)
          .selectAll()
          .select(sql<number>`row_number() over (partition by login_id order by ${sql.ref(timeColumn)} desc, id desc)`.as("rn"))
          .where("login_id", "in", loginIds)
          .as("ranked"),
      )
      .selectAll()
      .where("rn", "<=", first)
      .orderBy(timeColumn, "desc")
      .orderBy("id", "desc")
      .execute();
    return rows as R[];
  }, (row) => row.login_id);
}

/** One loader per page size asked in this request (almost always one). */
function perPageSize<R extends { login_id: string }>(db: Kysely<DB>, table: PerLoginTable, timeColumn: "at" | "since") {
  const byFirst = new Map<number, DataLoader<string, R[]>>();
  return (first: number): DataLoader<string, R[]> => {
    let loader = byFirst.get(first);
    if (!loader) byFirst.set(first, (loader = newestPerLogin<R>(db, table, timeColumn, first)));
    return loader;
  };
}

/** Key of the verification gate: one caller, one login. */
export function verificationKey(callerSubject: string, loginId: string): string {
  return JSON.stringify([callerSubject, loginId]);
}

export function createLoaders(db: Kysely<DB>) {
  return {
    login: rowLoader<string, SecurityLoginsTable>((ids) => db.selectFrom("security_logins").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    attempts: perPageSize<LoginAttemptsTable>(db, "login_attempts", "at"),
    lockouts: perPageSize<LockoutsTable>(db, "lockouts", "since"),
    notifications: perPageSize<SecurityNotificationsTable>(db, "security_notifications", "at"),
    activeLockout: rowLoader<string, LockoutsTable>(
      (ids) => db.selectFrom("lockouts").selectAll().where("login_id", "in", ids).where("active", "=", 1).execute(),
      (row) => row.login_id,
    ),
    /** The caller's unexpired verification per (caller, login); null when there is none. */
    verification: new DataLoader<string, IdentityVerificationsTable | null>(
      async (keys) => {
        const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
        const now = new Date().toISOString();
        const rows = await db
          .selectFrom("identity_verifications")
          .selectAll()
          .where("caller_subject", "in", [...new Set(pairs.map(([subject]) => subject))])
          .where("login_id", "in", [...new Set(pairs.map(([, login]) => login))])
          .where("verified_until", ">", now)
          .orderBy("verified_until", "asc")
          .execute();
        // Ascending order: the longest-lasting verification wins the map slot.
        const byKey = new Map(rows.map((row) => [verificationKey(row.caller_subject, row.login_id), row] as const));
        return keys.map((key) => byKey.get(key) ?? null);
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
