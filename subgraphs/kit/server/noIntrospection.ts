import { GraphQLError, type ValidationRule } from "graphql";

/**
 * In production a subgraph does not describe its schema to whoever asks (`__schema`,
 * `__type`), as Apollo Server's default was; the SDL for composition is `_service { sdl }`,
 * which stays. The code in `validationErrorCode` is Apollo Server's.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(
        new GraphQLError("GraphQL introspection is not allowed in production, but the query contained __schema or __type.", {
          nodes: [node],
          extensions: { validationErrorCode: "INTROSPECTION_DISABLED" },
        }),
      );
    }
  },
});
