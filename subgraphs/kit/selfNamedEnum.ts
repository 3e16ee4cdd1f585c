/**
 * The values of a GraphQL enum whose every value is its own name, each written once:
 * `selfNamedEnum("ACTIVE", "LOCKED")` is `{ ACTIVE: "ACTIVE", LOCKED: "LOCKED" }`, what
 * type-graphql's registerEnumType takes, used like a TypeScript string enum
 * (`SecurityLoginStatus.ACTIVE`). Its type is `EnumValue<typeof SecurityLoginStatus>`.
 */
export function selfNamedEnum<const T extends string>(...names: T[]): { readonly [K in T]: K } {
  return Object.fromEntries(names.map((name) => [name, name])) as { readonly [K in T]: K };
}

/** The union of an enum object's values ("ACTIVE" | "LOCKED"). */
export type EnumValue<E> = E[keyof E];
