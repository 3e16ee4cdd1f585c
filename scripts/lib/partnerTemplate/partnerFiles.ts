/*
 * The files of a new partner subgraph (npm run partner:new): the folder shape of ours
 * (subgraphs/fieldservice), importing only the kit package. One entity extension (Device),
 * one entity of its own (a claim) that is an open matter with a handler and a promise, and
 * one timeline event. Placeholders are the partner's name and organization code.
 */

export interface PartnerNames {
  /** Subgraph and source name: lowerCamel, e.g. anxin. */
  name: string;
  /** Organization code in callers' tokens, e.g. anxin. */
  org: string;
  /** Routing port for a local run. */
  port: number;
  /** How package.json names the kit: a tarball path or a version. */
  kitSpec: string;
}

export const KIT_PACKAGE = "@customer360/kit";

export function partnerFiles({ name, org, port, kitSpec }: PartnerNames): Record<string, string> {
  const Name = name[0].toUpperCase() + name.slice(1);
  const KIND = `${name.replace(/([A-Z])/g, "_$1").toUpperCase()}_CLAIM`;
  const PREFIX = name.slice(0, 3).toUpperCase();
  const table = `${name.replace(/([A-Z])/g, "_$1").toLowerCase()}_claims`;
  const claim = `${Name}Claim`;
  return {
    "package.json": `${JSON.stringify(
      {
        name: `${name}-subgraph`,
        version: "0.1.0",
        private: true,
        description: `${name}'s subgraph of the customer-360 graph (${KIT_PACKAGE}).`,
        scripts: { build: "tsc -p tsconfig.json", start: "node dist/main.js", "print-sdl": "node dist/main.js --print-sdl", test: "tsc -p tsconfig.json && node --test dist/test/" },
        dependencies: { [KIT_PACKAGE]: kitSpec, graphql: "16.12.0", "type-graphql": "2.0.0-rc.4", "reflect-metadata": "0.2.2", kysely: "0.28.8" },
        devDependencies: { typescript: "5.9.3", "@types/node": "20.19.25" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022", module: "commonjs", moduleResolution: "node", lib: ["ES2022"], types: ["node"], strict: true, esModuleInterop: true, skipLibCheck: true,
          experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false, outDir: "dist", rootDir: "src",
        },
        include: ["src"],
      },
      null,
      2,
    )}\n`,
    ".gitignore": "node_modules/\ndist/\ndata/\n",
    "src/main.ts": `import "reflect-metadata";
import { runSubgraphMain } from "${KIT_PACKAGE}";
import { ${name}Subgraph } from "./subgraph";

runSubgraphMain(${name}Subgraph).catch((error: unknown) => {
  console.error(\`[${name}] \${(error as Error).message ?? error}\`);
  process.exit(1);
});
`,
    "src/subgraph.ts": `import { guardReferences, guardResolvers, type SubgraphDefinition } from "${KIT_PACKAGE}";
import { accessMatrix } from "./accessMatrix";
import { ${name}Customer360 } from "./customer360";
import { customerData } from "./customerData";
import { migrations } from "./db/migrations";
import type { DB } from "./db/tables";
import { createLoaders, type Loaders } from "./loaders";
import { ${claim}Resolver } from "./resolvers/${claim}Resolver";
import { DeviceClaimsResolver } from "./resolvers/DeviceClaimsResolver";
import { referenceResolvers } from "./resolvers/references";
import { seedStories } from "./seed/stories";
import { seedSynthetic } from "./seed/synthetic";
import { Device } from "./types/Device";

/** ${name} (org \`${org}\`): claims on the maker's devices, in the rep's customer 360. */
export const ${name}Subgraph: SubgraphDefinition<DB, Loaders> = {
  name: "${name}",
  defaultPort: ${port},
  // Authorization: the gateway's system identity refused everywhere, partners scoped in domain/access.ts.
  resolvers: guardResolvers([${claim}Resolver, DeviceClaimsResolver, ...${name}Customer360.resolvers]),
  orphanedTypes: [Device, ...${name}Customer360.orphanedTypes],
  referenceResolvers: guardReferences({ ...referenceResolvers, ...${name}Customer360.referenceResolvers }),
  accessMatrix,
  customerData,
  migrations,
  seedMarkerTable: "${table}",
  seed: seedStories,
  seedSynthetic,
  createLoaders,
  customer360Source: ${name}Customer360,
};
`,
    "src/context.ts": `import type { SubgraphContext } from "${KIT_PACKAGE}";
import type { DB } from "./db/tables";
import type { Loaders } from "./loaders";

export type Context = SubgraphContext<DB, Loaders>;
export type Caller = Context["caller"];
`,
    "src/accessMatrix.ts": `import type { AccessMatrix } from "${KIT_PACKAGE}";

/** Who may call each root field (the kit refuses to start with one undeclared). */
export const accessMatrix: AccessMatrix = {
  Query: {
    ${name}Claim: { rep: "allow", supervisor: "allow", partner: "own-organization", analyst: "masked", why: "A claim on a device; of partners only ${org} itself." },
  },
};
`,
    "src/customerData.ts": `import type { CustomerDataDeclarations } from "${KIT_PACKAGE}";
import { ${name}Customer360 } from "./customer360";
import type { ${claim} } from "./types/${claim}";

/** Whose records each type holds, for the audit trail: keyed by the maker's registration ids. */
export const customerData: CustomerDataDeclarations = {
  ...${name}Customer360.customerData,
  ${claim}: (claim: ${claim}) => ({ system: "aftersales", id: claim.ownerId }),
  // The maker's device as we extend it: the key only.
  Device: "not-customer-data",
};
`,
    "src/domain/partner.ts": `/** Our organization code (callers' tokens), the open-matter kind and the timeline event kind. */
export const ORG = "${org}";
export const CLAIM_MATTER = "${KIND}";
export const CLAIM_OPENED = "${KIND}_OPENED";
export const OPEN_STATUSES = ["OPEN", "IN_REVIEW"] as const;
`,
    "src/domain/access.ts": `import { assertCanRead, forbidden } from "${KIT_PACKAGE}";
import type { Caller } from "../context";
import { ORG } from "./partner";

/** Reps, supervisors and analysts (masked by the kit) read; of partners only we do. */
export function mayRead(caller: Caller): boolean {
  if (caller.role === "system") return false;
  return caller.role !== "partner" || caller.organization === ORG;
}

export function assertMayRead(caller: Caller, claimId: string): void {
  assertCanRead(caller);
  if (!mayRead(caller)) throw forbidden(\`\${caller.organization} may not read \${ORG}'s claim \${claimId}\`, { claimId });
}
`,
    "src/db/tables.ts": `import type { Customer360Tables } from "${KIT_PACKAGE}";

export interface ClaimsTable {
  id: string;
  device_serial: string;
  /** The maker's registration id (aftersales), e.g. MR-AOLAN-5001: we work on the maker's devices. */
  owner_id: string;
  status: string;
  summary: string;
  opened_at: string;
}

export type DB = { ${table}: ClaimsTable } & Customer360Tables;
`,
    "src/db/migrations.ts": `import type { Kysely, Migration } from "kysely";

// Only this subgraph's own tables: the kit creates and migrates its customer-360 tables
// (timeline_events, matter_handlers, commitments, ...) itself, in every subgraph.
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("${table}")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("device_serial", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .execute();
  // Device.${name}Claims and the open matters load by serial and by owner.
  await db.schema.createIndex("${table}_serial").on("${table}").column("device_serial").execute();
  await db.schema.createIndex("${table}_owner").on("${table}").column("owner_id").execute();
}

export const migrations: Record<string, Migration> = { "001_initial": { up } };
`,
    "src/loaders.ts": `import type { Kysely } from "kysely";
import { groupLoader, rowLoader } from "${KIT_PACKAGE}";
import type { ClaimsTable, DB } from "./db/tables";

/** One DataLoader per lookup, per request: a request costs the same statements for 1 or 100 devices. */
export function createLoaders(db: Kysely<DB>) {
  return {
    claim: rowLoader<string, ClaimsTable>((ids) => db.selectFrom("${table}").selectAll().where("id", "in", ids).execute(), (row) => row.id),
    claimsOfDevice: groupLoader<string, ClaimsTable>(
      (serials) => db.selectFrom("${table}").selectAll().where("device_serial", "in", serials).orderBy("opened_at", "desc").execute(),
      (row) => row.device_serial,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,
    [`src/types/${claim}.ts`]: `import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A claim ${org} handles on a device." })
export class ${claim} {
  @Field(() => ID) id!: string;
  @Field(() => String) deviceSerial!: string;
  /** Not in the schema: whose record it is, for the audit trail (customerData.ts). */
  ownerId!: string;
  @Field(() => String) status!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) openedAt!: string;
}
`,
    "src/types/Device.ts": `import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The maker's device (aftersales), as we extend it: its key only, typed as the maker types it (ID!; the query argument device(serial:) is a String!). */
@Directive('@key(fields: "serial")')
@ObjectType()
export class Device {
  @Field(() => ID) serial!: string;
}
`,
    "src/domain/mapping.ts": `import type { ClaimsTable } from "../db/tables";
import type { ${claim} } from "../types/${claim}";

export function toClaim(row: ClaimsTable): ${claim} {
  return { id: row.id, deviceSerial: row.device_serial, ownerId: row.owner_id, status: row.status, summary: row.summary, openedAt: row.opened_at };
}
`,
    [`src/resolvers/${claim}Resolver.ts`]: `import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { assertMayRead } from "../domain/access";
import { toClaim } from "../domain/mapping";
import { ${claim} } from "../types/${claim}";

@Resolver(() => ${claim})
export class ${claim}Resolver {
  @Query(() => ${claim}, { nullable: true })
  async ${name}Claim(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<${claim} | null> {
    const row = await ctx.loaders.claim.load(id.trim().toUpperCase());
    if (!row) return null;
    assertMayRead(ctx.caller, row.id);
    return toClaim(row);
  }
}
`,
    "src/resolvers/DeviceClaimsResolver.ts": `import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { mayRead } from "../domain/access";
import { toClaim } from "../domain/mapping";
import { Device } from "../types/Device";
import { ${claim} } from "../types/${claim}";

@Resolver(() => Device)
export class DeviceClaimsResolver {
  @FieldResolver(() => [${claim}], { description: "Claims ${org} handles on this device" })
  async ${name}Claims(@Root() device: Device, @Ctx() ctx: Context): Promise<${claim}[]> {
    // A list leaves out what the caller may not see instead of failing.
    if (!mayRead(ctx.caller)) return [];
    return (await ctx.loaders.claimsOfDevice.load(device.serial)).map(toClaim);
  }
}
`,
    "src/resolvers/references.ts": `import type { ReferenceResolvers } from "${KIT_PACKAGE}";
import type { Context } from "../context";
import { mayRead } from "../domain/access";
import { toClaim } from "../domain/mapping";

export const referenceResolvers: ReferenceResolvers = {
  ${claim}: { __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.claim.load(ref.id).then((row) => (row && mayRead(ctx.caller) ? toClaim(row) : null)) },
  Device: { __resolveReference: (ref: { serial: string }) => ({ serial: ref.serial }) },
};
`,
    "src/customer360.ts": `import { authorizeSource, customer360Source, isPartner, type MatterRecord } from "${KIT_PACKAGE}";
import type { Context } from "./context";
import type { DB } from "./db/tables";
import { mayRead } from "./domain/access";
import { CLAIM_MATTER, OPEN_STATUSES, ORG } from "./domain/partner";
import type { Loaders } from "./loaders";

/**
 * Every open claim of the customer's maker registrations, one statement. The kit adds the
 * handler (assignHandler) and promises (addCommitment) stored under the same kind and id;
 * with no dueAt here, the matter is due at openedAt + the kind's SLA (72 h by default).
 */
async function openMatters(ctx: Context, ownerIds: string[]): Promise<MatterRecord[]> {
  if (!mayRead(ctx.caller)) return [];
  const rows = await ctx.db.selectFrom("${table}").selectAll().where("owner_id", "in", ownerIds).where("status", "in", [...OPEN_STATUSES]).execute();
  return rows.map((row) => ({ kind: CLAIM_MATTER, id: row.id, title: row.summary, status: row.status, openedAt: row.opened_at, priority: "NORMAL", subjectType: "${claim}", subjectId: row.id }));
}

/** Keyed by the maker's registration ids: we read the customer's "aftersales" ids. */
export const ${name}Customer360 = authorizeSource<Context>(customer360Source<DB, Loaders>("${name}", { identitySystem: "aftersales", openMatters }), {
  source: "${name}",
  identitySystem: "aftersales",
  // We see our whole timeline; other partners nothing.
  partnerTimeline: async (ctx, ownerIds) => (isPartner(ctx.caller) && ctx.caller.organization !== ORG ? null : { ownerIds }),
});
`,
    "src/seed/stories.ts": `import type { Kysely } from "kysely";
import { addCommitment, addHours, assignHandler, daysAgo, recordEvent } from "${KIT_PACKAGE}";
import type { DB } from "../db/tables";
import { CLAIM_MATTER, CLAIM_OPENED, ORG } from "../domain/partner";

/** S1's water heater (registration MR-AOLAN-5001): one open claim, its handler, one promise, one event. */
export async function seedStories(db: Kysely<DB>): Promise<void> {
  const id = "${PREFIX}-0001";
  const openedAt = daysAgo(1, "10:05");
  const matter = { kind: CLAIM_MATTER, id };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("${table}").values({ id, device_serial: "AL-EH60-88001", owner_id: "MR-AOLAN-5001", status: "OPEN", summary: \`Claim \${id}: water heater AL-EH60-88001 leaks\`, opened_at: openedAt }).execute();
    // Handler and promise are keyed by the matter's kind and id, exactly as openMatters returns it.
    await assignHandler(trx, matter, { name: "王芳 Wang Fang", team: "Claims", organization: ORG, tier: "L1", phone: "027-8888-0001", hours: "09:00-18:00 Mon-Fri" }, openedAt);
    await addCommitment(trx, matter, { description: "Call back with the assessor's visit time", dueAt: addHours(openedAt, 24), madeBy: { name: "王芳 Wang Fang", organization: ORG } });
    await recordEvent(trx, {
      id: "${name}-s1-01",
      ownerId: "MR-AOLAN-5001",
      at: openedAt,
      kind: CLAIM_OPENED,
      summary: \`Claim \${id} opened on water heater AL-EH60-88001\`,
      actor: { name: "王芳 Wang Fang", role: "handler", organization: ORG },
      subjectType: "${claim}",
      subjectId: id,
    });
  });
}
`,
    "src/seed/synthetic.ts": `import type { Kysely } from "kysely";
import type { SyntheticPerson } from "${KIT_PACKAGE}";
import type { DB } from "../db/tables";

/** Benchmarks only: no bulk data of ours. */
export async function seedSynthetic(_db: Kysely<DB>, _people: SyntheticPerson[]): Promise<void> {}
`,
    [`src/test/${name}.test.ts`]: `import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { accessMatrix } from "../accessMatrix";

const sdl = () => spawnSync(process.execPath, [path.join(__dirname, "..", "main.js"), "--print-sdl"], { encoding: "utf8" });

test("the SDL extends Device by its ID! serial and joins the customer 360", () => {
  const result = sdl();
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /type Device @key\\(fields: "serial"\\) \\{\\s+serial: ID!/);
  assert.match(result.stdout, /${name}Claims: \\[${claim}!\\]!/);
  assert.match(result.stdout, /${name}Events: \\[TimelineEvent!\\]/);
  assert.match(result.stdout, /${name}Matters: \\[OpenMatter!\\]/);
});

test("every root field is declared in the access matrix", () => {
  assert.ok(accessMatrix.Query?.${name}Claim, "Query.${name}Claim has no access declaration");
});
`,
  };
}
