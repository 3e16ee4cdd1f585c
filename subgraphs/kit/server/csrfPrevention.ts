import type { IncomingHttpHeaders } from "node:http";
import { badRequest } from "./protocolErrors";

/** Content types a browser sends cross-site without asking first (no CORS preflight). */
const SIMPLE_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];
const PREFLIGHT_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight"];

/**
 * Apollo Server's CSRF prevention, kept: a request a web page could make a browser send to a
 * subgraph (a simple content type, or none, as a GET has) is refused unless it carries a header
 * only a preflighted request can. Checked before the token, as before. The gateway sends
 * application/json, which always passes.
 */
export function refuseCrossSiteRequest(headers: IncomingHttpHeaders): void {
  const contentType = headers["content-type"];
  if (contentType !== undefined) {
    // Any other type, an unparseable one included, needs a preflight from a browser.
    if (!SIMPLE_CONTENT_TYPES.includes(contentType.split(";")[0].trim().toLowerCase())) return;
  }
  if (PREFLIGHT_HEADERS.some((name) => typeof headers[name] === "string" && headers[name]!.length > 0)) return;
  throw badRequest(
    "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that " +
      `is not one of ${SIMPLE_CONTENT_TYPES.join(", ")}) or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(", ")}\n`,
  );
}
