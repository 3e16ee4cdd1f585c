import { Kind, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from "graphql";
import { maskPersonalText } from "../common/maskPersonalText";

/*
 * A mutation's arguments as the audit trail keeps them (issue 10 item 1): enough to tell what
 * was changed (ids, states, reasons), never a secret (verification codes, tokens) and no
 * readable phone number or email. Queries' arguments are not recorded: they are the
 * identifiers a rep typed, often phone numbers.
 */

/** Argument names whose values are secrets: redacted whole. */
const SECRET_ARGUMENT = /code|password|secret|token|otp|pin/i;
/** The audit subgraph's bound (audit/domain/limits.ts MAX_ARGUMENTS). */
export const MAX_ARGUMENTS_JSON = 4000;
const MAX_STRING = 500;

function mask(name: string, value: unknown, depth = 0): unknown {
  if (SECRET_ARGUMENT.test(name) && name !== "idempotencyKey") return "***";
  if (typeof value === "string") return maskPersonalText(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => mask(name, item, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, mask(key, inner, depth + 1)]));
}

/** `{"cancelVisit":{"visitId":"VIS-0001","reason":"resolved by the customer","idempotencyKey":"k1"}}`; null for a query. */
export function maskedMutationArguments(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | null {
  if (operation.operation !== "mutation") return null;
  const recorded: Record<string, Record<string, unknown>> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = selection as FieldNode;
    const args: Record<string, unknown> = {};
    for (const argument of field.arguments ?? []) args[argument.name.value] = mask(argument.name.value, valueFromASTUntyped(argument.value, variables));
    recorded[field.alias?.value ?? field.name.value] = args;
  }
  const json = JSON.stringify(recorded);
  return json.length <= MAX_ARGUMENTS_JSON ? json : `${json.slice(0, MAX_ARGUMENTS_JSON - 1)}…`;
}
