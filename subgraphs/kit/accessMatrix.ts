import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { Caller, Role } from "../../common/caller";
import { codedError, ErrorCode } from "../../common/errorCodes";

/*
 * The authorization matrix (issue 10): every root Query and Mutation field of every subgraph
 * declares, in one place per subgraph (its accessMatrix.ts), who may call it. The kit refuses
 * to start a subgraph with an undeclared root field, and gates each field by role before its
 * resolver runs; tests/security/authorizationMatrix.test.ts drives every cell through the
 * real gateway, and docs/SECURITY.md's role table is generated from these declarations.
 *
 * The role gate is the coarse half; the relation half (a partner's own organization, the
 * matters it is a party to, the caller's own identity verification) depends on the record and
 * is checked by the resolver where the record is loaded. The declaration says which applies,
 * so the test knows what to expect of each cell.
 */

/** What one role may do with one root field. */
export type Access =
  /** Allowed; the resolver's own checks (state, input) still apply. */
  | "allow"
  /** Allowed, with personal data masked (phones, emails, addresses, IPs, mobiles in free text). */
  | "masked"
  /** Only records of the caller's own organization or matters it is a party to; others are FORBIDDEN (single record) or left out (lists). */
  | "own-organization"
  /** Allowed, but the detail or action needs the caller's own live identity verification (VERIFICATION_REQUIRED otherwise). */
  | "verified"
  /** FORBIDDEN before the resolver runs. */
  | "deny";

export const CLIENT_ROLES = ["rep", "supervisor", "partner", "analyst"] as const satisfies readonly Role[];
export type ClientRole = (typeof CLIENT_ROLES)[number];

export interface FieldAccess {
  rep: Access;
  supervisor: Access;
  partner: Access;
  analyst: Access;
  /** The gateway's own identity: denied unless a field is the gateway's (audit writes, identity resolution). */
  system?: "allow";
  /** One line for the generated table: what the field is and what the relation rule is. */
  why: string;
}

export interface AccessMatrix {
  Query?: Record<string, FieldAccess>;
  Mutation?: Record<string, FieldAccess>;
}

export const ROOT_TYPES = ["Query", "Mutation"] as const;
type RootType = (typeof ROOT_TYPES)[number];

/** Root fields @apollo/subgraph adds itself; they are gated by guardReferences / carry no data. */
const FEDERATION_FIELDS = new Set(["_entities", "_service"]);

export function accessFor(access: FieldAccess, role: Role): Access {
  if (role === "system") return access.system === "allow" ? "allow" : "deny";
  return access[role];
}

/** Root fields of a subgraph schema that need a declaration. */
export function declarableRootFields(schema: GraphQLSchema): Array<{ rootType: RootType; field: string }> {
  const fields: Array<{ rootType: RootType; field: string }> = [];
  for (const rootType of ROOT_TYPES) {
    const type = schema.getType(rootType);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.keys(type.getFields())) if (!FEDERATION_FIELDS.has(field)) fields.push({ rootType, field });
  }
  return fields;
}

/**
 * Wraps every root field's resolver with its role gate; throws (the subgraph does not start)
 * when a root field has no declaration or a declaration names a field that does not exist.
 */
export function enforceAccessMatrix(schema: GraphQLSchema, matrix: AccessMatrix, subgraph: string): void {
  const declared = new Set<string>();
  for (const { rootType, field } of declarableRootFields(schema)) {
    const access = matrix[rootType]?.[field];
    if (!access) throw new Error(`${subgraph}: ${rootType}.${field} has no declaration in its access matrix (accessMatrix.ts): say who may call it`);
    declared.add(`${rootType}.${field}`);
    const definition = (schema.getType(rootType) as GraphQLObjectType).getFields()[field];
    const resolve: GraphQLFieldResolver<unknown, { caller: Caller }> = definition.resolve ?? defaultFieldResolver;
    definition.resolve = (root, args, context, info) => {
      const role = context.caller.role;
      if (accessFor(access, role) === "deny") {
        const allowed = CLIENT_ROLES.filter((candidate) => access[candidate] !== "deny");
        const who = allowed.length ? `only ${allowed.join(", ")} may` : "it is the gateway's own";
        throw codedError(ErrorCode.FORBIDDEN, `the ${role} role may not use ${rootType === "Mutation" ? "the mutation" : "the query"} ${field} (${who})`, { role, field });
      }
      return resolve(root, args, context, info);
    };
  }
  for (const rootType of ROOT_TYPES) {
    for (const field of Object.keys(matrix[rootType] ?? {})) {
      if (!declared.has(`${rootType}.${field}`)) throw new Error(`${subgraph}: the access matrix declares ${rootType}.${field}, which the schema does not have`);
    }
  }
}
