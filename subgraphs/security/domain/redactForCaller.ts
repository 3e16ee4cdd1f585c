import { ErrorCode } from "../../../common/errorCodes";
import { assertCanRead, isPartner, type OpenMatter, type TimelineEvent } from "../../kit";
import type { Context } from "../context";
import { verificationKey } from "../loaders";

/*
 * The S2 gate (docs/SECURITY.md, "Security detail needs identity verification") applied to
 * the security subgraph's part of the customer 360: the timeline slice and the open matters.
 * The same rule as SecurityLogin's detail fields (domain/access.ts), per entry:
 *
 *   partner            no security entries and no security matters at all (not even redacted)
 *   rep, supervisor    in full for a login the caller holds a live verification of, made by
 *                      that same caller; otherwise redacted: kind, status, times, subject and
 *                      handler stay, the text says verification is needed, and
 *                      `redacted: true, redactedReason: "VERIFICATION_REQUIRED"` says why
 *   analyst            in full (history without verification, as on SecurityLogin; mobile
 *                      numbers in the text are masked by the merge for analysts)
 *   system             refused (the merge reports the source missing)
 *
 * Redacting instead of failing keeps the rest of the 360 answer intact: a GraphQL error on
 * the source field would null the whole security contribution and report it missing.
 */

export const REDACTED_ENTRY = "Security event: verify the customer's identity to see details";
export const REDACTED_MATTER = "Security matter on this customer's login: verify the customer's identity to see details and act on it";

type SecurityItem = Pick<TimelineEvent, "subjectType" | "subjectId">;

/** Every security record is about a login; one about anything else stays redacted (fail closed). */
function loginOf(item: SecurityItem): string | null {
  return item.subjectType === "SecurityLogin" ? item.subjectId : null;
}

/** The logins among `items` this caller has verified: one batched statement (the gate's loader). */
async function verifiedLogins(context: Context, items: SecurityItem[]): Promise<Set<string>> {
  const logins = [...new Set(items.map(loginOf).filter((login): login is string => login !== null))];
  const found = await Promise.all(logins.map((login) => context.loaders.verification.load(verificationKey(context.caller.subject, login))));
  return new Set(logins.filter((_, index) => found[index] !== null));
}

/** The caller's view of the security source's timeline slice. */
export async function timelineForCaller(context: Context, entries: TimelineEvent[]): Promise<TimelineEvent[]> {
  assertCanRead(context.caller);
  if (isPartner(context.caller)) return [];
  if (context.caller.role === "analyst" || entries.length === 0) return entries;
  const verified = await verifiedLogins(context, entries);
  return entries.map((entry) => {
    const login = loginOf(entry);
    if (login !== null && verified.has(login)) return entry;
    // The actor can be the customer or a named rep: detail too, so only the organization stays.
    const actor = entry.actor ? { name: entry.actor.organization, organization: entry.actor.organization } : null;
    return { ...entry, summary: REDACTED_ENTRY, actor, redacted: true, redactedReason: ErrorCode.VERIFICATION_REQUIRED };
  });
}

/** The caller's view of the security source's open matters. */
export async function mattersForCaller(context: Context, matters: OpenMatter[]): Promise<OpenMatter[]> {
  assertCanRead(context.caller);
  if (isPartner(context.caller)) return [];
  if (context.caller.role === "analyst" || matters.length === 0) return matters;
  const verified = await verifiedLogins(context, matters);
  return matters.map((matter) => {
    const login = loginOf(matter);
    if (login !== null && verified.has(login)) return matter;
    // Who handles it (the security desk, its phone and hours) stays: that is what the rep needs to route the call.
    const promises = matter.promises.map((promise) => ({ ...promise, description: REDACTED_ENTRY }));
    const handoffs = matter.handoffs.map((handoff) => ({ ...handoff, reason: undefined }));
    return { ...matter, title: REDACTED_MATTER, promises, handoffs, redacted: true, redactedReason: ErrorCode.VERIFICATION_REQUIRED };
  });
}
