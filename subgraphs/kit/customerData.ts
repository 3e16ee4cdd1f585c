import { defaultFieldResolver, getNamedType, GraphQLObjectType, GraphQLUnionType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { formatOwner, type OwnerRef } from "../../common/servedOwners";

export { formatOwner, parseOwners, SERVED_OWNERS_HEADER, type OwnerRef } from "../../common/servedOwners";

/*
 * Which records are a customer's, and whose (issue 10 item 1: the audit trail missed 10 of 13
 * ways to read a customer). Every object type of every subgraph declares, in its
 * customerData.ts, either how to find the owner of one of its records, or that it holds no
 * customer's data. The kit refuses to start a subgraph with an undeclared type, and wraps every
 * field that returns an owned type (root fields, nested fields and `_entities` alike), so a new
 * resolver is reported without anyone remembering to: the owners served go to the gateway in
 * the `x-served-owners` header, and the gateway maps them to persons and writes the trail
 * before the answer leaves.
 */

/**
 * Per object type: how to find a record's owner; "via-parent" for a customer's records that are
 * only ever reached under an owned parent that reports the owner (order lines under an order;
 * the kit checks such a type is neither an entity nor returned by a root field); or
 * "not-customer-data" (reference data, catalogues, keys of merge entities).
 */
export type CustomerDataDeclarations = Record<string, OwnerOf | "via-parent" | "not-customer-data">;

export type OwnerOf = (record: any) => OwnerRef | readonly OwnerRef[] | null | undefined;

/** Bound on what one fetch reports; a request reading more persons than this is one big read of the same kind. */
export const MAX_REPORTED_OWNERS = 300;

/** Types the schema has but no subgraph author writes: roots, federation's and introspection's. */
function isBuiltIn(name: string): boolean {
  return name.startsWith("__") || name.startsWith("_") || name === "Query" || name === "Mutation" || name === "Subscription";
}

export interface ServedOwnersContext {
  servedOwners: Map<string, OwnerRef>;
}

function record(context: ServedOwnersContext, ownerOf: OwnerOf, value: unknown): void {
  if (value === null || value === undefined || value instanceof Error) return;
  if (Array.isArray(value)) {
    for (const item of value) record(context, ownerOf, item);
    return;
  }
  let owners: ReturnType<OwnerOf>;
  try {
    owners = ownerOf(value);
  } catch {
    // A record whose owner cannot be read (a malformed merge key) is refused by its own resolver.
    return;
  }
  if (!owners) return;
  for (const owner of Array.isArray(owners) ? owners : [owners as OwnerRef]) {
    if (!owner.id || context.servedOwners.size >= MAX_REPORTED_OWNERS) continue;
    context.servedOwners.set(formatOwner(owner), owner);
  }
}

function after(value: unknown, then: (resolved: unknown) => void): unknown {
  if (value && typeof (value as PromiseLike<unknown>).then === "function") {
    return (value as Promise<unknown>).then((resolved) => {
      then(resolved);
      return resolved;
    });
  }
  then(value);
  return value;
}

/**
 * Checks every object type is declared (throws: the subgraph does not start), then wraps every
 * field returning an owned type so what it returns is recorded as served.
 */
export function reportCustomerData(schema: GraphQLSchema, declarations: CustomerDataDeclarations, subgraph: string): void {
  const typeMap = schema.getTypeMap();
  for (const [name, type] of Object.entries(typeMap)) {
    if (!isObjectType(type) || isBuiltIn(name)) continue;
    if (!(name in declarations)) throw new Error(`${subgraph}: type ${name} has no customer-data declaration (customerData.ts): say whose records it holds, or "not-customer-data"`);
  }
  for (const name of Object.keys(declarations)) {
    if (!isObjectType(typeMap[name])) throw new Error(`${subgraph}: customerData.ts declares ${name}, which the schema does not have as an object type`);
  }
  const entities = new Set(((typeMap._Entity as GraphQLUnionType | undefined)?.getTypes() ?? []).map((type) => type.name));
  const rootReturned = new Set<string>();
  for (const root of ["Query", "Mutation"]) {
    const type = typeMap[root];
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) rootReturned.add(getNamedType(field.type).name);
  }
  for (const [name, declaration] of Object.entries(declarations)) {
    if (declaration !== "via-parent") continue;
    if (entities.has(name) || rootReturned.has(name)) {
      throw new Error(`${subgraph}: ${name} is declared "via-parent" but is reachable on its own (${entities.has(name) ? "an entity" : "returned by a root field"}): declare how to find its owner`);
    }
  }
  for (const [name, type] of Object.entries(typeMap)) {
    if (!isObjectType(type) || name.startsWith("__")) continue;
    for (const [fieldName, field] of Object.entries((type as GraphQLObjectType).getFields())) {
      if (name === "Query" && fieldName === "_entities") {
        field.resolve = wrapEntities(field.resolve ?? defaultFieldResolver, declarations);
        continue;
      }
      const returned = getNamedType(field.type);
      const ownerOf = declarations[returned.name];
      if (typeof ownerOf !== "function") continue;
      const resolve: GraphQLFieldResolver<unknown, ServedOwnersContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => after(resolve(root, args, context, info), (value) => record(context, ownerOf, value));
    }
  }
}

/** `_entities` returns a union; each representation's __typename says which declaration applies. */
function wrapEntities(resolve: GraphQLFieldResolver<unknown, ServedOwnersContext>, declarations: CustomerDataDeclarations): GraphQLFieldResolver<unknown, ServedOwnersContext> {
  return (root, args, context, info) => {
    const representations = (args as { representations?: Array<{ __typename?: string }> }).representations ?? [];
    const results = resolve(root, args, context, info) as unknown[];
    if (!Array.isArray(results)) return results;
    return results.map((result, index) => {
      const ownerOf = declarations[representations[index]?.__typename ?? ""];
      return typeof ownerOf === "function" ? after(result, (value) => record(context, ownerOf, value)) : result;
    });
  };
}
