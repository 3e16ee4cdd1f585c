import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { Kind, OperationTypeNode, type DocumentNode, type FormattedExecutionResult, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";
import type { Caller } from "../../common/caller";
import { ErrorCode } from "../../common/errorCodes";
import { INTERNAL_TOKEN_HEADER, type InternalSigner } from "../../common/internalToken";
import { tokenCacheFor } from "../callerTokenCache";
import { rootLogger } from "../../common/observability/logger";
import type { GatewayContext } from "../GatewayContext";
import { maskedMutationArguments } from "../auditArguments";
import { AuditPersons } from "../auditPersons";
import { gatewayMetrics } from "../observability/gatewayMetrics";
import { SubgraphHttpClient } from "../subgraphHttp";

/**
 * The gateway side of the audit trail (issue 4 item 5, S6): one entry per operation, written
 * to the audit subgraph BEFORE the answer leaves. If that write fails for an operation that
 * touched customer data (or changed anything), the answer is withheld with AUDIT_UNAVAILABLE:
 * a read nobody can account for is worse than a read that has to be retried.
 */
export interface AuditTrailOptions {
  /** The audit subgraph's /graphql URL (a function: it may move when a new supergraph goes live). */
  auditUrl: string | (() => string);
  /** The gateway's internal signing key: it signs its own system token (audience "audit") with it. */
  signer: InternalSigner;
  /** Give up on the audit write after this long (default 3000 ms); the answer is then withheld. */
  timeoutMs?: number;
  /** The gateway's pooled subgraph client; without one the plugin opens (and on stop closes) its own. */
  http?: SubgraphHttpClient;
  /**
   * The customers subgraph's /graphql URL: identities other subgraphs reported serving are
   * mapped to persons there. Without it only what names a person directly (C-… ids) is attributed.
   */
  customersUrl?: () => string | undefined;
}

/** Who the gateway is when it writes the trail; the audit subgraph accepts writes only from role system. */
export const GATEWAY_CALLER: Caller = { subject: "gateway", name: "Customer 360 gateway", role: "system", organization: "platform" };

export type AuditOutcome = "OK" | "PARTIAL" | "ERROR" | "DENIED";

/** The audit subgraph's AuditEntryInput. */
export interface AuditEntryInput {
  id: string;
  at: string;
  requestId: string;
  actorSubject: string;
  actorName: string;
  role: string;
  organization: string;
  operationType: "QUERY" | "MUTATION";
  operationName: string | null;
  fields: string[];
  customerIds: string[];
  outcome: AuditOutcome;
  errorCodes: string[];
  /** Customers' identities the answer served (system:id), whether or not they resolved to a person. */
  identities: string[];
  /** A mutation's arguments, masked (gateway/auditArguments.ts); null for queries. */
  arguments: string | null;
}

/** What the subgraphs reported serving, as the trail records it: the identities and the persons they belong to. */
export interface ServedPersons {
  identities: string[];
  customerIds: string[];
}

export const MAX_FIELD_PATHS = 200;
/** The audit subgraph's bound per entry; more customers are split over several entries of one request. */
const MAX_CUSTOMERS_PER_ENTRY = 1000;
const MAX_ENTRIES_PER_CALL = 100;
const DENIAL_CODES = new Set<string>([ErrorCode.FORBIDDEN, ErrorCode.UNAUTHENTICATED, ErrorCode.VERIFICATION_REQUIRED]);
const CUSTOMER_ID = /^C-[A-Za-z0-9-]{1,60}$/;
const CUSTOMER_FIELDS = new Set(["customer", "customers", "candidates"]);
const CUSTOMER_ARGUMENTS = new Set(["id", "customerId", "customerIds"]);
const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

const RECORD = "mutation RecordAuditEntries($entries: [AuditEntryInput!]!) { recordAuditEntries(entries: $entries) }";

/**
 * The field paths an operation selects (`customer.timeline.entries.summary`), fragments
 * expanded, leaves only, by field name (not alias), deduplicated. Capped at `max`; a last
 * `… N more` path says how many were left out. Argument values are never recorded (they
 * can hold phone numbers).
 */
export function selectedFieldPaths(document: DocumentNode, operation: OperationDefinitionNode, max = MAX_FIELD_PATHS): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const paths = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, prefix: string, expanding: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        const path = prefix ? `${prefix}.${name}` : name;
        if (selection.selectionSet) visit(selection.selectionSet, path, expanding);
        else paths.add(path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, prefix, expanding);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation forbids fragment cycles; the guard keeps a bad document from looping anyway.
        if (!fragment || expanding.has(name)) continue;
        visit(fragment.selectionSet, prefix, new Set(expanding).add(name));
      }
    }
  };
  visit(operation.selectionSet, "", new Set());
  const all = [...paths];
  return all.length <= max ? all : [...all.slice(0, max), `… ${all.length - max} more`];
}

/** Apollo reuses one parsed document per query text, so the paths are worked out once per operation. */
const fieldPathsByOperation = new WeakMap<OperationDefinitionNode, string[]>();

function fieldPathsOf(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  let paths = fieldPathsByOperation.get(operation);
  if (!paths) fieldPathsByOperation.set(operation, (paths = selectedFieldPaths(document, operation)));
  return paths;
}

/** OK; DENIED when every error is a refusal; PARTIAL when some data came back with errors; ERROR otherwise. */
export function classifyOutcome(result: Pick<FormattedExecutionResult, "data" | "errors">): { outcome: AuditOutcome; errorCodes: string[] } {
  const errors = result.errors ?? [];
  if (errors.length === 0) return { outcome: "OK", errorCodes: [] };
  const errorCodes = [...new Set(errors.map((error) => (typeof error.extensions?.code === "string" ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR)))];
  if (errorCodes.every((code) => DENIAL_CODES.has(code))) return { outcome: "DENIED", errorCodes };
  const hasData = !!result.data && Object.values(result.data).some((value) => value !== null && value !== undefined);
  return { outcome: hasData ? "PARTIAL" : "ERROR", errorCodes };
}

/** Customer ids in an answer: objects typed Customer, or with a C-… id under customer/customers/candidates. */
function customerIdsInData(value: unknown, key: string, found: Set<string>, depth = 0): void {
  if (value === null || typeof value !== "object" || depth > 64) return;
  if (Array.isArray(value)) {
    for (const item of value) customerIdsInData(item, key, found, depth + 1);
    return;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.id === "string" && (object.__typename === "Customer" || (CUSTOMER_FIELDS.has(key) && CUSTOMER_ID.test(object.id)))) found.add(object.id);
  for (const [childKey, child] of Object.entries(object)) customerIdsInData(child, childKey, found, depth + 1);
}

/** Customer ids the operation asked for by argument (customer(id: "C-S6")), so a refused or empty read is still on the customer's trail. */
function customerIdsInArguments(operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown>, found: Set<string>): void {
  const take = (value: unknown) => {
    if (typeof value === "string" && CUSTOMER_ID.test(value)) found.add(value);
    else if (Array.isArray(value)) value.forEach(take);
  };
  const literal = (node: ValueNode): unknown => {
    if (node.kind === Kind.STRING) return node.value;
    if (node.kind === Kind.LIST) return node.values.map(literal);
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    return undefined;
  };
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) if (CUSTOMER_ARGUMENTS.has(argument.name.value)) take(literal(argument.value));
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
    }
  };
  visit(operation.selectionSet);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
}

/**
 * The customers a request touched: what subgraphs reported serving (x-customer-ids, collected
 * by the data source into contextValue.customerIds), plus what the answer and the arguments show.
 */
export function touchedCustomerIds(
  requestContext: Pick<GraphQLRequestContextWillSendResponse<GatewayContext>, "contextValue" | "document" | "operation" | "request">,
  result: Pick<FormattedExecutionResult, "data"> | undefined,
): string[] {
  const found = new Set<string>();
  const reported = (requestContext.contextValue as Partial<GatewayContext>).customerIds;
  if (reported) for (const id of reported) if (typeof id === "string" && id.length > 0 && id.length <= 100) found.add(id);
  if (result?.data) customerIdsInData(result.data, "", found);
  if (requestContext.operation && requestContext.document) {
    customerIdsInArguments(requestContext.operation, requestContext.document, requestContext.request.variables ?? {}, found);
  }
  return [...found].sort();
}

function resultOf(response: GraphQLRequestContextWillSendResponse<GatewayContext>["response"]): FormattedExecutionResult {
  return response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
}

/** The entries for one operation (one, or several when it touched more customers than an entry holds); null for nothing to audit. */
export function buildAuditEntries(
  requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>,
  now = new Date(),
  served: ServedPersons = { identities: [], customerIds: [] },
): AuditEntryInput[] | null {
  const { operation, document, contextValue } = requestContext;
  const caller = contextValue?.caller;
  // Nothing ran: the document did not parse or validate, so no data was read.
  if (!operation || !document || !caller) return null;
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) return null;
  const fields = fieldPathsOf(operation, document);
  // Introspection only (__schema, __type): schema, not customer data.
  if (fields.length === 0) return null;
  const result = resultOf(requestContext.response);
  const { outcome, errorCodes } = classifyOutcome(result);
  const customerIds = [...new Set([...touchedCustomerIds(requestContext, result), ...served.customerIds])].sort();
  const id = randomUUID();
  const header = requestContext.request.http?.headers.get("x-request-id");
  const base: AuditEntryInput = {
    id,
    at: now.toISOString(),
    requestId: header && REQUEST_ID.test(header) ? header : id,
    actorSubject: caller.subject.slice(0, 200),
    actorName: (caller.name || caller.subject).slice(0, 200),
    role: caller.role,
    organization: caller.organization.slice(0, 200),
    operationType: operation.operation === OperationTypeNode.MUTATION ? "MUTATION" : "QUERY",
    operationName: (requestContext.operationName ?? operation.name?.value ?? null)?.slice(0, 200) || null,
    fields,
    customerIds: [],
    outcome,
    errorCodes,
    identities: served.identities.slice(0, MAX_CUSTOMERS_PER_ENTRY),
    arguments: maskedMutationArguments(operation, requestContext.request.variables ?? {}),
  };
  if (customerIds.length <= MAX_CUSTOMERS_PER_ENTRY) return [{ ...base, customerIds }];
  const entries: AuditEntryInput[] = [];
  for (let i = 0; i < customerIds.length; i += MAX_CUSTOMERS_PER_ENTRY) {
    entries.push({ ...base, id: `${id}-${entries.length}`, customerIds: customerIds.slice(i, i + MAX_CUSTOMERS_PER_ENTRY) });
  }
  return entries;
}

/** Writes entries to the audit subgraph as the gateway; throws unless every entry is confirmed in the trail. */
export async function recordAuditEntries(http: SubgraphHttpClient, options: AuditTrailOptions, entries: AuditEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += MAX_ENTRIES_PER_CALL) {
    const chunk = entries.slice(i, i + MAX_ENTRIES_PER_CALL);
    const response = await http.post(
      typeof options.auditUrl === "function" ? options.auditUrl() : options.auditUrl,
      { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: await tokenCacheFor(options.signer).token(GATEWAY_CALLER, "audit") },
      JSON.stringify({ query: RECORD, variables: { entries: chunk } }),
      Date.now() + (options.timeoutMs ?? 3000),
    );
    const body = (typeof response.body === "object" && response.body ? response.body : {}) as { data?: { recordAuditEntries?: number }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (!response.ok || body.errors?.length || body.data?.recordAuditEntries !== chunk.length) {
      const why = body.errors?.map((e) => `${e.extensions?.code ?? "?"}: ${e.message}`).join("; ") ?? `HTTP ${response.status}`;
      throw new Error(`audit subgraph did not record ${chunk.length} entries (${why})`);
    }
  }
}

/**
 * Groups the entries of requests finishing in the same turn of the event loop into one write:
 * under load that is one audit call for many answers instead of one each. Every request still
 * waits until its own entries are confirmed before its answer leaves (durable), and a failed
 * write fails every request in that batch closed.
 */
class AuditBatcher {
  private pending: Array<{ entries: AuditEntryInput[]; done: (error?: unknown) => void }> = [];

  constructor(
    private readonly http: SubgraphHttpClient,
    private readonly options: AuditTrailOptions,
  ) {}

  write(entries: AuditEntryInput[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ entries, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await recordAuditEntries(this.http, this.options, batch.flatMap((b) => b.entries));
      for (const request of batch) request.done();
    } catch (error) {
      for (const request of batch) request.done(error);
    }
  }
}

export function auditTrailPlugin(options: AuditTrailOptions): ApolloServerPlugin<GatewayContext> {
  const http = options.http ?? new SubgraphHttpClient();
  const batcher = new AuditBatcher(http, options);
  const persons = options.customersUrl
    ? new AuditPersons({ customersUrl: options.customersUrl, signer: options.signer, caller: GATEWAY_CALLER, timeoutMs: options.timeoutMs ?? 3000, http })
    : undefined;
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          if (!options.http) await http.close();
        },
      };
    },
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const identities = [...(requestContext.contextValue?.servedOwners ?? [])].sort();
          const served: ServedPersons = { identities, customerIds: [] };
          let unattributed: Error | undefined;
          if (identities.length > 0 && persons) {
            try {
              served.customerIds = [...new Set([...(await persons.resolve(identities)).values()].flat())];
            } catch (error) {
              // The entry is still written, with the identities; the answer is withheld below.
              unattributed = error as Error;
            }
          }
          const entries = buildAuditEntries(requestContext, new Date(), served);
          if (!entries) return;
          try {
            await batcher.write(entries);
            if (unattributed) throw unattributed;
          } catch (error) {
            const entry = entries[0];
            gatewayMetrics.auditWriteFailures.inc();
            rootLogger().error({ requestId: entry.requestId, subject: entry.actorSubject, reason: (error as Error).message }, "audit trail write failed");
            // Fail closed only where it matters: customer data was read, or something changed.
            if (entry.customerIds.length === 0 && entry.identities.length === 0 && entry.operationType !== "MUTATION") return;
            const { response } = requestContext;
            response.body = {
              kind: "single",
              singleResult: {
                errors: [
                  {
                    message: "the audit trail is unavailable, so this answer is withheld; retry shortly (mutations: retry with the same idempotencyKey)",
                    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
                  },
                ],
              },
            };
            if (response.http) response.http.status = 503;
          }
        },
      };
    },
  };
}
