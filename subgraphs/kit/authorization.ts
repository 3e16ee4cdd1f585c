import type { GraphQLError } from "graphql";
import type { Kysely } from "kysely";
import { UseMiddleware, type MiddlewareFn, type NonEmptyArray } from "type-graphql";
import type { Caller } from "../../common/caller";
import { codedError, ErrorCode } from "../../common/errorCodes";
import { maskMobilesInText } from "../../common/maskPersonalText";
import type { ReferenceResolvers } from "./buildFederatedSchema";
import type { SourceContribution } from "./customer360/customer360Source";
import { maskPhone } from "./customer360/identifiers";
import { contributionField } from "./customer360/contributionContract";
import { decodeTimelineKey, type TimelineQuery } from "./customer360/queryKeys";
import { loadTimelineSlice } from "./customer360/reads";
import type { TimelineEvent } from "./customer360/types";

/*
 * Authorization where the data lives (ARCHITECTURE: "Trust between gateway and subgraphs").
 * The gateway verifies who is asking; each subgraph decides, field by field, what that
 * caller may see or do. These helpers hold the one policy the customers, orders,
 * aftersales and billing subgraphs apply (security gates its own detail; audit and
 * fieldservice have their own rules).
 *
 * | role       | reads in customers, orders, aftersales, billing                  | mutations                              |
 * |------------|------------------------------------------------------------------|----------------------------------------|
 * | rep        | everything, unmasked: one view across parties                    | allowed (each mutation's own checks)   |
 * | supervisor | everything, unmasked                                             | allowed (each mutation's own checks)   |
 * | analyst    | everything, personal data masked: phones 138****1234, emails     | none: FORBIDDEN                        |
 * |            | w***@example.cn, street addresses "武汉市***" (IPs: security);   |                                        |
 * |            | names, history and aggregates stay visible                       |                                        |
 * | partner    | only its organization's records (organization = its code):       | only on its own cases:                 |
 * | (a maker   | aftersales: cases whose maker it is or that it is a party to,    | aftersales cancelVisit/rescheduleVisit |
 * | or a field | with their visits, callbacks, tasks; its maker's registrations,  | and resolveCaseByCustomer on cases it  |
 * | contractor)| devices, known issues. orders: orders and returns of its own     | may see; customers logContact only as  |
 * |            | products (brand = org), services it sold. billing: nothing.      | its own party; orderValueAddedService  |
 * |            | customers: name and city, phones/email/address masked, contact   | and openBillingDispute FORBIDDEN       |
 * |            | log and "before you call" with party = org, complaints against   |                                        |
 * |            | it, no billing/security identities. Customer 360 (timeline,      |                                        |
 * |            | open matters, lookup): billing [], aftersales its registrations, |                                        |
 * |            | orders its records, customers' own entries its org made          |                                        |
 * | system     | nothing (the gateway's identity only records the audit trail)    | none: FORBIDDEN                        |
 *
 * Lists never fail for what a caller may not see: they leave it out (a page may then hold
 * fewer than `first` items). A single thing asked for by its id that the caller may not see
 * resolves to null with a FORBIDDEN error saying why. Free text shown to analysts and
 * partners (timeline summaries, matter titles, contact notes) has mobile numbers masked.
 */

/** The GraphQL error for a refusal; the message says why, in words a rep can repeat. */
export function forbidden(reason: string, details: Record<string, unknown> = {}): GraphQLError {
  return codedError(ErrorCode.FORBIDDEN, reason, details);
}

export const isPartner = (caller: Caller): boolean => caller.role === "partner";

/** Analysts and partners see personal data (phones, emails, addresses) masked. */
export function masksPersonalData(caller: Caller): boolean {
  return caller.role === "analyst" || caller.role === "partner";
}

/** Customer data is for people serving customers; the gateway's own system identity gets none. */
export function assertCanRead(caller: Caller): void {
  if (caller.role === "system") throw forbidden("the gateway's system identity reads no customer data; it only records the audit trail", { role: caller.role });
}

/** Analysts read only; the system identity acts on nobody's behalf. Partners pass here and are checked against the case. */
export function assertCanWrite(caller: Caller, action: string): void {
  if (caller.role === "analyst") throw forbidden(`analysts have read-only access and may not ${action}`, { role: caller.role });
  if (caller.role === "system") throw forbidden(`the gateway's system identity may not ${action}`, { role: caller.role });
}

/**
 * Does a maker's record concern the caller? Everyone who serves customers sees every
 * maker's records (one view across parties); a partner only its own maker's, or a case
 * it is a party of.
 */
export function canSeeMakerData(caller: Caller, maker: string, parties: readonly string[] = []): boolean {
  if (caller.role === "system") return false;
  if (caller.role !== "partner") return true;
  return caller.organization === maker || parties.includes(caller.organization);
}

/** A partner sees only records of its own brand/organization; everyone else sees all. */
export function ownsOrNotPartner(caller: Caller, organization: string | null | undefined): boolean {
  return caller.role !== "partner" || organization === caller.organization;
}

/** "13807191234" -> "138****1234" for callers who see personal data masked. */
export function maskPhoneFor(caller: Caller, phone: string): string;
export function maskPhoneFor(caller: Caller, phone: string | null | undefined): string | null;
export function maskPhoneFor(caller: Caller, phone: string | null | undefined): string | null {
  if (phone == null) return null;
  return masksPersonalData(caller) ? maskPhone(phone) : phone;
}

/** "wanglei@example.cn" -> "w***@example.cn". */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

export function maskEmailFor(caller: Caller, email: string | null | undefined): string | null {
  if (email == null) return null;
  return masksPersonalData(caller) ? maskEmail(email) : email;
}

/**
 * A street address reduced to its city: "武汉市洪山区珞喻路 88 号" -> "武汉市***";
 * "122 Luoshi Road, Hongshan District, Wuhan" -> "Wuhan ***". `city`, when known, wins.
 */
export function maskAddress(address: string, city?: string | null): string {
  const known = city?.trim();
  if (known) return /^[\x20-\x7e]+$/.test(known) ? `${known} ***` : `${known.endsWith("市") ? known : `${known}市`}***`;
  const chineseCity = /^[^\s,，(（]*?市/u.exec(address);
  if (chineseCity) return `${chineseCity[0]}***`;
  const parts = address.split(",").map((part) => part.trim()).filter(Boolean);
  return parts.length > 1 ? `${parts[parts.length - 1].replace(/[()（）]/gu, "")} ***` : "***";
}

export function maskAddressFor(caller: Caller, address: string | null | undefined, city?: string | null): string | null {
  if (address == null) return null;
  return masksPersonalData(caller) ? maskAddress(address, city) : address;
}

/** Mobile numbers inside free text (summaries, notes) masked for callers who see personal data masked. */
export function maskTextFor(caller: Caller, text: string): string;
export function maskTextFor(caller: Caller, text: string | null | undefined): string | null;
export function maskTextFor(caller: Caller, text: string | null | undefined): string | null {
  if (text == null) return null;
  return masksPersonalData(caller) ? maskMobilesInText(text) : text;
}

interface CallerContext {
  caller: Caller;
}

/** type-graphql middleware: the system identity gets FORBIDDEN from every field of the class. */
const denySystem: MiddlewareFn<CallerContext> = ({ context }, next) => {
  assertCanRead(context.caller);
  return next();
};

/**
 * Applies the read gate to resolver classes (queries, mutations and field resolvers), so a
 * subgraph's entry points need no per-method boilerplate for it. Returns the same classes.
 */
export function guardResolvers<T extends NonEmptyArray<Function>>(resolvers: T, ...middlewares: MiddlewareFn<any>[]): T {
  for (const resolver of resolvers) UseMiddleware(denySystem, ...middlewares)(resolver);
  return resolvers;
}

/**
 * `_entities` gate: the read check runs before each reference resolver. It rejects the
 * entity's promise (never throws synchronously), so one refused entity is null with its own
 * error while the rest of the batch still resolves, and nothing is awaited before load().
 */
export function guardReferences(references: ReferenceResolvers, check: (caller: Caller, typeName: string) => void = assertCanRead): ReferenceResolvers {
  const guarded: ReferenceResolvers = {};
  for (const [typeName, resolver] of Object.entries(references)) {
    guarded[typeName] = {
      __resolveReference: (reference: unknown, context: CallerContext, ...rest: unknown[]) => {
        try {
          check(context.caller, typeName);
        } catch (error) {
          return Promise.reject(error);
        }
        return (resolver.__resolveReference as (...args: unknown[]) => unknown)(reference, context, ...rest);
      },
    };
  }
  return guarded;
}

/** What of a source's timeline a partner may see: owners, optionally narrowed to subjects or to its own actions. */
export interface TimelineScope {
  ownerIds: string[];
  /** Only events about these subjects (orders, returns, ...). */
  subjectIds?: readonly string[];
  /** Only events this organization's people made. */
  actorOrganization?: string;
}

/**
 * A timeline slice narrowed for a partner, filtered in SQL so the slice still holds its
 * first+1 newest matching entries and the merge's paging stays exact (filtering after the
 * load would lose entries between pages). Same statement as loadTimelineSlice, with the
 * scope's conditions added to its `selectFrom("timeline_events")`.
 */
export async function loadScopedTimelineSlice(db: Kysely<any>, source: string, query: TimelineQuery, scope: TimelineScope): Promise<TimelineEvent[]> {
  if (scope.ownerIds.length === 0 || scope.subjectIds?.length === 0) return [];
  const narrowed = {
    selectFrom(table: "timeline_events") {
      let select = db.selectFrom(table);
      if (scope.subjectIds) select = select.where("subject_id", "in", [...scope.subjectIds]);
      if (scope.actorOrganization) select = select.where("actor_org", "=", scope.actorOrganization);
      return select;
    },
  } as unknown as Kysely<any>;
  return loadTimelineSlice(narrowed, source, query, scope.ownerIds);
}

export interface SourceAuthorization<C extends CallerContext & { db: Kysely<any> }> {
  /** The source name, as given to customer360Source. */
  source: string;
  /** Whose ids the source's records are keyed by (customer360Source's identitySystem). */
  identitySystem?: string;
  /** A partner's part of this source's timeline; null: none at all. */
  partnerTimeline(context: C, ownerIds: string[]): Promise<TimelineScope | null>;
}

/**
 * Authorizes a source's customer-360 contribution (timeline slice, open matters, lookup):
 * the system identity is refused (the merge reports the source missing), a partner's
 * timeline slice is narrowed in SQL to its scope, and text shown to analysts and partners
 * has mobile numbers masked. Open matters and lookups scope themselves: each source's
 * openMatters/lookup functions filter for partners after their batched statement.
 */
export function authorizeSource<C extends CallerContext & { db: Kysely<any> }>(contribution: SourceContribution, authorization: SourceAuthorization<C>): SourceContribution {
  const identitySystem = authorization.identitySystem ?? authorization.source;
  const middleware: MiddlewareFn<C> = async ({ context, info, root }, next) => {
    assertCanRead(context.caller);
    let result: unknown;
    if (isPartner(context.caller) && info.fieldName === contributionField(authorization.source, "Events")) {
      const query = decodeTimelineKey((root as { key: unknown }).key);
      const scope = await authorization.partnerTimeline(context, query.ids[identitySystem] ?? []);
      result = scope ? await loadScopedTimelineSlice(context.db, authorization.source, query, scope) : [];
    } else {
      result = await next();
    }
    return maskEntries(context.caller, result);
  };
  for (const resolver of contribution.resolvers) UseMiddleware(middleware)(resolver);
  return contribution;
}

/**
 * Staff phones (a technician's, a handler's) are work numbers a rep or a partner calls; an
 * analyst studies the history and needs none of them (issue 10: masked for analysts).
 */
export function maskStaffPhoneFor(caller: Caller, phone: string | null | undefined): string | null {
  if (phone == null) return null;
  return caller.role === "analyst" ? maskPhone(phone) : phone;
}

type HandlerLike = { phone?: string | null } | null | undefined;

function maskHandler<H extends HandlerLike>(caller: Caller, handler: H): H {
  if (!handler || handler.phone == null) return handler;
  return { ...handler, phone: maskStaffPhoneFor(caller, handler.phone) ?? undefined };
}

/** Masks mobile numbers in timeline summaries and matter titles (the shapes the sources return), and handlers' phones for analysts. */
export function maskEntries<T>(caller: Caller, result: T): T {
  if (!masksPersonalData(caller) || !Array.isArray(result)) return result;
  return result.map((entry: Record<string, unknown>) => {
    const masked = { ...entry };
    if (typeof masked.summary === "string") masked.summary = maskTextFor(caller, masked.summary);
    if (typeof masked.title === "string") masked.title = maskTextFor(caller, masked.title);
    if (masked.handler) masked.handler = maskHandler(caller, masked.handler as HandlerLike);
    if (Array.isArray(masked.handoffs)) {
      masked.handoffs = (masked.handoffs as Array<{ from?: HandlerLike; to: HandlerLike }>).map((handoff) => ({ ...handoff, from: maskHandler(caller, handoff.from), to: maskHandler(caller, handoff.to) }));
    }
    return masked;
  }) as T;
}
