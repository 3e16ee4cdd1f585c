import { registerEnumType } from "type-graphql";

/**
 * A GraphQL enum whose every value is its own name, declared and registered with type-graphql
 * in one call, each value written once: `graphqlEnum("SecurityLoginStatus", ["ACTIVE", "LOCKED"])`
 * is `{ ACTIVE: "ACTIVE", LOCKED: "LOCKED" }`, used like a TypeScript string enum
 * (`SecurityLoginStatus.ACTIVE`); its type is `EnumValue<typeof SecurityLoginStatus>`.
 */
export function graphqlEnum<const T extends string>(name: string, values: readonly T[], description?: string): { readonly [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { readonly [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

/** The union of an enum object's values ("ACTIVE" | "LOCKED"). */
export type EnumValue<E> = E[keyof E];
