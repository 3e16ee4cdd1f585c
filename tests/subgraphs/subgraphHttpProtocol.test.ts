/**
 * What a subgraph answers on POST /graphql, case by case: the status, the error code and the
 * message of every refusal, and the headers of an answer. The gateway reads these (a non-2xx
 * becomes a failed fetch, the codes travel to the client), so they are pinned here against one
 * real subgraph. Written against the Apollo Server based kit, kept when the kit serves
 * GraphQL itself (subgraphs/kit/server/).
 */
import { request as httpRequest } from "node:http";
import { INTERNAL_TOKEN_HEADER, signInternalToken } from "../../common/internalToken";
import { securitySubgraph } from "../../subgraphs/security/subgraph";
import type { DB } from "../../subgraphs/security/db/tables";
import { startTestSubgraph, type TestSubgraph } from "../helpers/subgraphHarness";
import { REP_RETAILER, TEST_SIGNER } from "../helpers/testCaller";

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n";
const NO_BODY_MESSAGE = "POST body missing, invalid Content-Type, or JSON object has no keys.";
const LOGIN = `query Login($id: ID!) { securityLogin(id: $id) { id } }`;

describe("subgraph HTTP protocol: what POST /graphql answers", () => {
  let t: TestSubgraph<DB>;
  let token: string;
  beforeAll(async () => {
    t = await startTestSubgraph(securitySubgraph, { label: "sqlite" }, { events: false });
    token = await signInternalToken(REP_RETAILER, TEST_SIGNER, "security");
  });
  afterAll(() => t.stop());

  async function send(init: { method?: string; headers?: Record<string, string>; body?: string; search?: string; signed?: boolean }): Promise<RawAnswer> {
    const headers: Record<string, string> = { ...(init.signed === false ? {} : { [INTERNAL_TOKEN_HEADER]: token }), ...init.headers };
    const response = await fetch(t.running.url + (init.search ?? ""), { method: init.method ?? "POST", headers, body: init.body });
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, text, body };
  }
  const postJson = (payload: unknown, options: { signed?: boolean; headers?: Record<string, string> } = {}) =>
    send({ headers: { "content-type": "application/json", ...options.headers }, body: JSON.stringify(payload), signed: options.signed });
  const refusal = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

  describe("an answer", () => {
    it("is JSON with the request's SQL statement count, byte for byte as before", async () => {
      const answer = await postJson({ query: "{ __typename }" });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(answer.headers.get("x-sql-statements")).toBe("0");
      expect(answer.headers.get("x-request-id")).toBeTruthy();
      expect(answer.text).toBe(`{"data":{"__typename":"Query"}}\n`);
    });

    it("reports the customers' records it served (x-served-owners) and the statements that read them", async () => {
      const answer = await postJson({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on SecurityLogin { id status } } }`, variables: { r: [{ __typename: "SecurityLogin", id: "u-lina" }] } });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { _entities: [{ id: "u-lina", status: "LOCKED" }] } });
      expect(answer.headers.get("x-served-owners")).toBe("security:u-lina");
      expect(Number(answer.headers.get("x-sql-statements"))).toBeGreaterThan(0);
    });

    it("serves the operation named by operationName among several", async () => {
      const answer = await postJson({ query: "query A { a: __typename } query B { b: __typename }", operationName: "B" });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { b: "Query" } });
    });

    it("answers with application/graphql-response+json when the client asks for it, and 406 when it accepts no JSON", async () => {
      const wanted = await postJson({ query: "{ __typename }" }, { headers: { accept: "application/graphql-response+json" } });
      expect(wanted.status).toBe(200);
      expect(wanted.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
      const refused = await postJson({ query: "{ __typename }" }, { headers: { accept: "text/plain" } });
      expect(refused.status).toBe(406);
      expect(refused.body).toEqual(
        refusal("An 'accept' header was provided for this request which does not accept application/json; charset=utf-8 or application/graphql-response+json; charset=utf-8", "BAD_REQUEST"),
      );
    });

    it("serves introspection (outside production) and the federation SDL", async () => {
      const introspection = await postJson({ query: "{ __schema { queryType { name } } }" });
      expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
      const service = await postJson({ query: "{ _service { sdl } }" });
      expect(service.status).toBe(200);
      expect(service.body.data._service.sdl).toMatch(/type SecurityLogin/);
    });

    it("keeps answering, the same, after the schema is rebuilt (reloadSchema)", async () => {
      const before = await postJson({ query: LOGIN, variables: { id: "u-lina" } });
      await t.running.reloadSchema();
      const after = await postJson({ query: LOGIN, variables: { id: "u-lina" } });
      expect(after.status).toBe(200);
      expect(after.text).toBe(before.text);
      expect((await postJson({ query: "{ nope }" })).status).toBe(400);
    });
  });

  describe("before GraphQL runs", () => {
    it("refuses a request without the gateway's token, or with a bad one: 401 UNAUTHENTICATED, no statement count", async () => {
      const unsigned = await postJson({ query: "{ __typename }" }, { signed: false });
      expect(unsigned.status).toBe(401);
      expect(unsigned.body).toEqual(refusal("security only answers requests signed by the gateway", "UNAUTHENTICATED"));
      expect(unsigned.headers.get("x-sql-statements")).toBeNull();
      const forged = await postJson({ query: "{ __typename }" }, { headers: { [INTERNAL_TOKEN_HEADER]: "x.y.z" } });
      expect(forged.status).toBe(401);
      expect(forged.body).toEqual(refusal("the gateway token is invalid or expired", "UNAUTHENTICATED"));
    });

    it("refuses a body that is not JSON (400 BAD_USER_INPUT) or too large (413), before the token is looked at", async () => {
      const broken = await send({ headers: { "content-type": "application/json" }, body: `{"query":`, signed: false });
      expect(broken.status).toBe(400);
      expect(broken.body).toEqual(refusal("request body is not valid JSON", "BAD_USER_INPUT"));
      const large = await postJson({ query: "{ __typename }", pad: "x".repeat(600 * 1024) });
      expect(large.status).toBe(413);
      expect(large.body).toEqual(refusal("request body exceeds 524288 bytes", "PAYLOAD_TOO_LARGE"));
    });

    it("refuses a body a browser could send cross-site (text/plain, a form, no content type) as CSRF, before the token", async () => {
      for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {} as Record<string, string>]) {
        for (const signed of [true, false]) {
          const answer = await send({ headers, body: JSON.stringify({ query: "{ __typename }" }), signed });
          expect(answer.status).toBe(400);
          expect(answer.body).toEqual(refusal(CSRF_MESSAGE, "BAD_REQUEST"));
          expect(answer.headers.get("x-sql-statements")).toBeNull();
        }
      }
    });

    it("refuses another non-JSON content type after the token: 400 BAD_REQUEST", async () => {
      const signed = await send({ headers: { "content-type": "application/xml" }, body: "<query/>" });
      expect(signed.status).toBe(400);
      expect(signed.body).toEqual(refusal(NO_BODY_MESSAGE, "BAD_REQUEST"));
      expect(signed.headers.get("x-sql-statements")).toBe("0");
      const unsigned = await send({ headers: { "content-type": "application/xml" }, body: "<query/>", signed: false });
      expect(unsigned.status).toBe(401);
    });

    it("refuses a GET without a preflight header as CSRF", async () => {
      const answer = await send({ method: "GET", search: `?query=${encodeURIComponent("{ __typename }")}` });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(refusal(CSRF_MESSAGE, "BAD_REQUEST"));
    });

    it("answers GraphQL over POST only: any other method, a preflighted GET included, is 405 (Apollo Server served GET queries)", async () => {
      const requests: Parameters<typeof send>[0][] = [
        { method: "GET", headers: { "apollo-require-preflight": "1" }, search: `?query=${encodeURIComponent("{ __typename }")}` },
        { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) },
      ];
      for (const init of requests) {
        const answer = await send(init);
        expect(answer.status).toBe(405);
        expect(answer.headers.get("allow")).toBe("POST");
        expect(answer.body).toEqual(refusal("A subgraph answers GraphQL over POST only.", "BAD_REQUEST"));
      }
    });

    it("refuses a batch (an array body): 400 BAD_REQUEST, after the token", async () => {
      for (const batch of [[{ query: "{ __typename }" }], []]) {
        const answer = await postJson(batch);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual(refusal("Operation batching disabled.", "BAD_REQUEST"));
      }
      expect((await postJson([{ query: "{ __typename }" }], { signed: false })).status).toBe(401);
    });

    it.each([
      ["an empty body", undefined, NO_BODY_MESSAGE],
      ["an empty object", {}, NO_BODY_MESSAGE],
      ["null", null, NO_BODY_MESSAGE],
      ["a string", "{ __typename }", NO_BODY_MESSAGE],
      ["no query", { variables: {} }, "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension."],
      ["an empty query", { query: "" }, "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension."],
      ["a query that is not a string", { query: 1 }, "GraphQL queries must be strings."],
      ["variables as a JSON string", { query: "{ __typename }", variables: "{}" }, "`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string."],
      ["variables as an array", { query: "{ __typename }", variables: [] }, "`variables` in a POST body must be an object if provided."],
      ["an operationName that is not a string", { query: "{ __typename }", operationName: 1 }, "`operationName` in a POST body must be a string if provided."],
      ["extensions that are not an object", { query: "{ __typename }", extensions: 1 }, "`extensions` in a POST body must be an object if provided."],
    ])("refuses %s: 400 BAD_REQUEST", async (_label, payload, message) => {
      const answer = payload === undefined ? await send({ headers: { "content-type": "application/json" }, body: "" }) : await postJson(payload);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(refusal(message, "BAD_REQUEST"));
      expect(answer.headers.get("x-sql-statements")).toBe("0");
    });

    it("does not know a persisted query's hash (automatic persisted queries: the client then sends the text)", async () => {
      const hashOnly = await postJson({ extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } });
      expect(hashOnly.status).toBe(200);
      expect(hashOnly.headers.get("cache-control")).toBe("private, no-cache, must-revalidate");
      expect(hashOnly.body).toEqual(refusal("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"));
      const mismatch = await postJson({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body).toEqual(refusal("provided sha does not match query", "INTERNAL_SERVER_ERROR"));
      const version = await postJson({ query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: "abc" } } });
      expect(version.status).toBe(400);
      expect(version.body).toEqual(refusal("Unsupported persisted query version", "INTERNAL_SERVER_ERROR"));
    });
  });

  describe("a document that cannot run", () => {
    it("a syntax error: 400 GRAPHQL_PARSE_FAILED with its location", async () => {
      const answer = await postJson({ query: "{ __typename" });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: [{ message: "Syntax Error: Expected Name, found <EOF>.", locations: [{ line: 1, column: 13 }], extensions: { code: "GRAPHQL_PARSE_FAILED" } }] });
      expect(answer.headers.get("x-sql-statements")).toBe("0");
    });

    it("a document the schema does not validate: 400 GRAPHQL_VALIDATION_FAILED, every error", async () => {
      const answer = await postJson({ query: "{ nope other }" });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errors: [
          { message: 'Cannot query field "nope" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
          { message: 'Cannot query field "other" on type "Query".', locations: [{ line: 1, column: 8 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
        ],
      });
    });

    it("the same invalid document twice gets the same answer (a refusal is not cached as valid)", async () => {
      const first = await postJson({ query: "{ stillNope }" });
      const second = await postJson({ query: "{ stillNope }" });
      expect(second.status).toBe(400);
      expect(second.body).toEqual(first.body);
    });

    it("an unknown operationName, or several operations and none named: 400 OPERATION_RESOLUTION_FAILURE", async () => {
      const unknown = await postJson({ query: "query A { __typename }", operationName: "B" });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toEqual(refusal('Unknown operation named "B".', "OPERATION_RESOLUTION_FAILURE"));
      const unnamed = await postJson({ query: "query A { __typename } query B { __typename }" });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body).toEqual(refusal("Must provide operation name if query contains multiple operations.", "OPERATION_RESOLUTION_FAILURE"));
    });

    it("variables missing or of the wrong type: 400 BAD_USER_INPUT", async () => {
      const missing = await postJson({ query: LOGIN });
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({ errors: [{ message: 'Variable "$id" of required type "ID!" was not provided.', locations: [{ line: 1, column: 13 }], extensions: { code: "BAD_USER_INPUT" } }] });
      const wrong = await postJson({ query: LOGIN, variables: { id: { a: 1 } } });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toEqual({ errors: [{ message: 'Variable "$id" got invalid value { a: 1 }; ID cannot represent value: { a: 1 }', locations: [{ line: 1, column: 13 }], extensions: { code: "BAD_USER_INPUT" } }] });
    });
  });

  describe("errors while executing", () => {
    it("answer 200 with the data there is and each error's code, path and location (formatError)", async () => {
      const answer = await postJson({ query: `{ securityLogin(id: "u-lina") { id attempts(first: 999999) { ip } } }` });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        errors: [{ message: "first must be between 1 and 100, got 999999", locations: [{ line: 1, column: 36 }], path: ["securityLogin", "attempts"], extensions: { argument: "first", code: "BAD_USER_INPUT" } }],
        data: { securityLogin: { id: "u-lina", attempts: null } },
      });
      expect(answer.headers.get("x-served-owners")).toBe("security:u-lina");
      const gated = await postJson({ query: `{ securityLogin(id: "u-lina") { id attempts { ip } } }` });
      expect(gated.status).toBe(200);
      expect(gated.body.data).toEqual({ securityLogin: { id: "u-lina", attempts: null } });
      expect(gated.body.errors.map((e: any) => e.extensions.code)).toEqual(["VERIFICATION_REQUIRED"]);
      expect(JSON.stringify(gated.body)).not.toMatch(/stacktrace|exception|\bat .+\.ts:\d+/);
    });

    it("an error without a code is INTERNAL_SERVER_ERROR, with no stack trace", async () => {
      const answer = await postJson({ query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: "Nope", id: "1" }] } });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors[0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
      expect(answer.body.errors[0].path).toEqual(["_entities"]);
    });
  });

  describe("stop()", () => {
    it("lets a request in flight finish, then closes", async () => {
      const own = await startTestSubgraph(securitySubgraph, { label: "sqlite" }, { events: false });
      const ownToken = await signInternalToken(REP_RETAILER, TEST_SIGNER, "security");
      const body = JSON.stringify({ query: "{ __typename }" });
      // A request whose body is still arriving when stop() is called.
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(own.running.url, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), [INTERNAL_TOKEN_HEADER]: ownToken } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        req.write(body.slice(0, 5));
        setTimeout(() => req.end(body.slice(5)), 300);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopped = own.stop();
      expect(await answered).toEqual({ status: 200, text: `{"data":{"__typename":"Query"}}\n` });
      await stopped;
      await expect(fetch(own.running.url, { method: "POST", body })).rejects.toThrow();
    });
  });
});
