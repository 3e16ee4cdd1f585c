import type { ErrorCode } from "../../../common/errorCodes";
import type { GraphError } from "./graphqlClient";

/**
 * What each registry code means to a rep, in words. Typed against the registry
 * (common/errorCodes.ts), so a new code does not compile until it has its sentence here.
 */
const WORDS: Record<ErrorCode, string> = {
  BAD_USER_INPUT: "The input was not accepted.",
  NOT_FOUND: "Nothing was found under that identifier.",
  CONFLICT: "This can no longer be done: it has already changed (for example, already cancelled or closed).",
  UNAUTHENTICATED: "Your token was refused or is missing. Paste a fresh one (npm run -s token -- --role rep --org yougou).",
  FORBIDDEN: "Your role or organization may not see or do this.",
  VERIFICATION_REQUIRED: "Refused until you verify the caller's identity: send a code to the customer's registered phone and enter what they read back.",
  SUBGRAPH_UNAVAILABLE: "A party's system did not answer; the rest of the answer stands.",
  AUDIT_UNAVAILABLE: "The audit trail could not record this, so the answer was withheld. Try again in a moment.",
  INTERNAL_SERVER_ERROR: "Something went wrong on the server.",
  RATE_LIMITED: "Too many requests from you just now. Wait a moment and try again.",
  PAYLOAD_TOO_LARGE: "The request was too large.",
  OPERATION_NOT_TRUSTED: "This console's request is not in the gateway's trusted operations (the console and the gateway are out of step).",
  REQUIRES_NOT_DELIVERED: "The gateway did not pass one party's part of this answer to the merge; this is a gateway fault, not missing data. Report it.",
  DATABASE_UNAVAILABLE: "A party's database is not answering right now; try again in a moment.",
};

export function errorInWords(error: GraphError): string {
  if (error.code === "NETWORK") return "The gateway could not be reached.";
  return (WORDS as Record<string, string>)[error.code] ?? "The request was refused.";
}
