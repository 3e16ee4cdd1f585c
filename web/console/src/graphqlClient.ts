import type { ErrorCode } from "../../../common/errorCodes";
import type { TypedDocumentString } from "../../../client/generated/graphql";

/** One GraphQL error as the console shows it: the registry code plus where it happened. */
export interface GraphError {
  message: string;
  /** extensions.code (common/errorCodes.ts); NETWORK when the gateway could not be reached. */
  code: ErrorCode | "NETWORK" | string;
  path?: ReadonlyArray<string | number>;
  /** The subgraph that did not answer, for SUBGRAPH_UNAVAILABLE. */
  serviceName?: string;
}

export interface Answer<T> {
  data: T | null;
  errors: GraphError[];
}

/**
 * POSTs a typed document (client/generated) to the gateway's /graphql with the pasted token.
 * Never throws: a refused or failed request comes back as coded errors, so every caller shows
 * the refusal in words instead of a blank panel.
 */
export async function request<T, V>(document: TypedDocumentString<T, V>, variables: V, token: string): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.trim()}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    return { data: null, errors: [{ code: "NETWORK", message: (error as Error).message }] };
  }
  let body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; serviceName?: string } }> };
  try {
    body = await response.json();
  } catch {
    return { data: null, errors: [{ code: `HTTP_${response.status}`, message: `the gateway answered ${response.status} without a GraphQL body` }] };
  }
  return {
    data: body.data ?? null,
    errors: (body.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code ?? "INTERNAL_SERVER_ERROR", path: e.path, serviceName: e.extensions?.serviceName })),
  };
}

/** A fresh idempotency key: repeating a confirmed action with it changes nothing. */
export function idempotencyKey(action: string): string {
  const random = typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  return `console-${action}-${random}`;
}
