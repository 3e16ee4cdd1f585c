import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from "graphql";
import { BoundedCache } from "../../../common/boundedCache";
import { noIntrospection } from "./noIntrospection";
import { parseFailed, validationFailed } from "./protocolErrors";

/** Documents one schema remembers. The gateway's planner sends a few dozen distinct texts per subgraph. */
const MAX_DOCUMENTS = 500;

export type CheckedDocument = { document: DocumentNode } | { errors: GraphQLError[] };

/**
 * Parsed and validated documents of one schema, by their exact query text: the gateway sends
 * the same few planner-generated texts (`_entities` fetches above all) on fetch after fetch,
 * so after the first a document costs one map lookup instead of a parse and a validation.
 * Only documents that passed are kept: a refusal is worked out again (it is rare and its
 * errors are the answer). Validation depends on the schema, so each schema has its own cache
 * (liveSchema.ts makes a new one when the schema is swapped). Bounded: the oldest go first.
 */
export class DocumentCache {
  private readonly documents = new BoundedCache<DocumentNode>(MAX_DOCUMENTS);
  private readonly rules: readonly ValidationRule[];

  /** `introspection: false` (production) refuses __schema and __type, as Apollo Server did. */
  constructor(
    readonly schema: GraphQLSchema,
    options: { introspection: boolean },
  ) {
    this.rules = options.introspection ? specifiedRules : [...specifiedRules, noIntrospection];
  }

  /** The document of `query`, or the errors that refuse it (400 GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED). */
  check(query: string): CheckedDocument {
    const known = this.documents.get(query);
    if (known) return { document: known };
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: [parseFailed(error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message ?? error)))] };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return { errors: errors.map(validationFailed) };
    this.documents.set(query, document, Infinity);
    return { document };
  }
}
