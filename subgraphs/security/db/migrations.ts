import type { Kysely, Migration } from "kysely";

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("security_logins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login_key", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("display_name_latin", "text")
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // Identifier lookups (S-single question): by phone and by email.
  await db.schema.createIndex("security_logins_phone").on("security_logins").column("phone").execute();
  await db.schema.createIndex("security_logins_email").on("security_logins").column("email").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("province", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("device", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .execute();
  // Newest attempts of a set of logins.
  await db.schema.createIndex("login_attempts_login_at").on("login_attempts").columns(["login_id", "at", "id"]).execute();

  await db.schema
    .createTable("lockouts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login_id", "text", (c) => c.notNull())
    .addColumn("cause", "text", (c) => c.notNull())
    .addColumn("since", "text", (c) => c.notNull())
    .addColumn("until", "text")
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("lifted_by", "text")
    .addColumn("lift_method", "text")
    .execute();
  await db.schema.createIndex("lockouts_login_since").on("lockouts").columns(["login_id", "since", "id"]).execute();
  // Open matters: the active lockouts of a set of logins.
  await db.schema.createIndex("lockouts_login_active").on("lockouts").columns(["login_id", "active"]).execute();

  await db.schema
    .createTable("security_notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("template_code", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("masked_destination", "text", (c) => c.notNull())
    .addColumn("delivery_status", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("security_notifications_login_at").on("security_notifications").columns(["login_id", "at", "id"]).execute();

  await db.schema
    .createTable("verification_challenges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login_id", "text", (c) => c.notNull())
    .addColumn("caller_subject", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("masked_destination", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .execute();
  // Rate limit: codes sent for a login in the last hour.
  await db.schema.createIndex("verification_challenges_login_created").on("verification_challenges").columns(["login_id", "created_at"]).execute();

  await db.schema
    .createTable("identity_verifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("challenge_id", "text", (c) => c.notNull().unique())
    .addColumn("login_id", "text", (c) => c.notNull())
    .addColumn("caller_subject", "text", (c) => c.notNull())
    .addColumn("caller_name", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("verified_at", "text", (c) => c.notNull())
    .addColumn("verified_until", "text", (c) => c.notNull())
    .execute();
  // The gate: does this caller hold an unexpired verification for these logins?
  await db.schema
    .createIndex("identity_verifications_caller_login")
    .on("identity_verifications")
    .columns(["caller_subject", "login_id", "verified_until"])
    .execute();
}

/** The per-caller verification budgets (domain/verificationBudget.ts) count one caller's recent codes. */
async function indexChallengesByCaller(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("verification_challenges_caller_created").on("verification_challenges").columns(["caller_subject", "created_at"]).execute();
}

export const migrations: Record<string, Migration> = {
  "001_initial": { up },
  "003_verification_challenges_by_caller": { up: indexChallengesByCaller },
};
