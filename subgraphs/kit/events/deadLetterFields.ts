import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Kysely } from "kysely";
import type { Caller } from "../../../common/caller";
import { badInput, codedError, ErrorCode, notFound } from "../../../common/errorCodes";
import type { AccessMatrix, FieldAccess } from "../accessMatrix";
import { forbidden } from "../authorization";
import type { CustomerDataDeclarations } from "../customerData";
import { checkPageSize } from "../pageSize";
import { DeadLetterReplayFailed, InvalidDeadLetterCursor, listDeadLetters, NoReactionForDeadLetter, replayDeadLetter, type DeadLetter as StoredDeadLetter } from "./deadLetters";
import { DeadLetter, DeadLetterPage, DeadLetterReplay } from "./deadLetterTypes";
import type { Reaction } from "./reaction";

/*
 * Issue 13: a supervisor queries and replays a consumer's dead letters through the graph.
 * Every subgraph that declares reactions gets, from the kit, two root fields named after it
 * (so they compose side by side, like the customer-360 `<source>Events` fields):
 *   Query    <subgraph>DeadLetters(consumer, includeReplayed, first, after): DeadLetterPage!
 *   Mutation replay<Subgraph>DeadLetter(id): DeadLetterReplay!
 * over its own database's dead_letters (deadLetters.ts). Supervisor-only: the subgraph's
 * accessMatrix.ts declares them with withDeadLetterAccess (the one place per subgraph that
 * says who may call what, read by docs/SECURITY.md and the security tests); the kit keeps
 * these declarations in step with the definition it starts (definitionSchema.ts), and the
 * resolvers refuse every other role again. A replay is a
 * mutation through the gateway, so the audit trail records it with its arguments like every
 * other change, and each dead letter served reports its customer to that trail.
 */

export interface DeadLetterFieldNames {
  list: string;
  replay: string;
}

/** `fieldservice` -> fieldserviceDeadLetters / replayFieldserviceDeadLetter (`field-service` -> fieldServiceDeadLetters). */
export function deadLetterFieldNames(subgraph: string): DeadLetterFieldNames {
  const words = subgraph.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const base = words.map((word, index) => (index === 0 ? word[0].toLowerCase() : word[0].toUpperCase()) + word.slice(1)).join("");
  if (!/^[a-z][a-zA-Z0-9]*$/.test(base)) throw new Error(`subgraph name "${subgraph}" does not make a GraphQL field name for its dead letters: start it with a letter`);
  return { list: `${base}DeadLetters`, replay: `replay${base[0].toUpperCase()}${base.slice(1)}DeadLetter` };
}

const SUPERVISOR_ONLY = { rep: "deny", supervisor: "allow", partner: "deny", analyst: "deny" } as const satisfies Omit<FieldAccess, "why">;

/** Declarations the kit made (not the subgraph's own): the kit may recompute them for the definition it starts. */
const kitDeclarations = new WeakSet<FieldAccess>();

export function isKitDeclaration(access: FieldAccess): boolean {
  return kitDeclarations.has(access);
}

/** The two fields' declarations for a subgraph's access matrix: supervisors only. */
export function deadLetterAccess(subgraph: string): Required<AccessMatrix> {
  const names = deadLetterFieldNames(subgraph);
  const list: FieldAccess = { ...SUPERVISOR_ONLY, why: `Events the ${subgraph} subgraph's reactions could not apply after their attempts (issue 13), payloads unmasked: supervisors only.` };
  const replay: FieldAccess = { ...SUPERVISOR_ONLY, why: `Re-apply one of the ${subgraph} subgraph's dead letters, at most once in effect (audited): supervisors only.` };
  kitDeclarations.add(list).add(replay);
  return { Query: { [names.list]: list }, Mutation: { [names.replay]: replay } };
}

/** A subgraph's access matrix with its dead-letter fields declared (for subgraphs that declare reactions). */
export function withDeadLetterAccess(subgraph: string, matrix: AccessMatrix): AccessMatrix {
  const added = deadLetterAccess(subgraph);
  return { Query: { ...matrix.Query, ...added.Query }, Mutation: { ...matrix.Mutation, ...added.Mutation } };
}

/** The dead letter as the graph serves it, with its owner kept for the audit trail (not a field). */
type ServedDeadLetter = DeadLetter & { ownerId: string };

function toGraph(stored: StoredDeadLetter): ServedDeadLetter {
  return {
    id: stored.id,
    consumer: stored.consumer,
    eventId: stored.eventId,
    eventType: stored.event.type,
    source: stored.event.source,
    occurredAt: stored.event.occurredAt,
    error: stored.error,
    attempts: stored.attempts,
    failedAt: stored.failedAt,
    replayedAt: stored.replayedAt,
    payload: JSON.stringify(stored.event.payload ?? null),
    ownerId: stored.event.ownerId,
  };
}

/**
 * Whose records the kit's dead-letter types hold: a dead letter is an event about one
 * customer (its owner id is in the source's system), so reading or replaying it is on that
 * person's trail. The page and the replay's answer are containers.
 */
export const DEAD_LETTER_CUSTOMER_DATA: CustomerDataDeclarations = {
  DeadLetter: (letter: ServedDeadLetter) => (letter.ownerId ? { system: letter.source, id: letter.ownerId } : null),
  DeadLetterPage: "not-customer-data",
  DeadLetterReplay: "not-customer-data",
};

interface DeadLetterContext {
  db: Kysely<any>;
  caller: Caller;
}

/** Defense in depth: the access matrix already refused every other role before the resolver. */
function assertSupervisor(caller: Caller, field: string): void {
  if (caller.role !== "supervisor") throw forbidden(`only a supervisor may use ${field}`, { role: caller.role, field });
}

export interface DeadLetterFields {
  names: DeadLetterFieldNames;
  resolvers: Function[];
  orphanedTypes: Function[];
  customerData: CustomerDataDeclarations;
}

/** Built once per definition (its reactions list) and name: type-graphql keeps resolver metadata globally, and a schema reload must not add another copy. */
const built = new WeakMap<Reaction<any>[], Map<string, DeadLetterFields>>();

/** The root fields over `subgraph`'s dead letters; `reactions` are what a replay re-applies. */
export function deadLetterFields(subgraph: string, reactions: Reaction<any>[]): DeadLetterFields {
  const forReactions = built.get(reactions) ?? new Map<string, DeadLetterFields>();
  built.set(reactions, forReactions);
  const existing = forReactions.get(subgraph);
  if (existing) return existing;
  const names = deadLetterFieldNames(subgraph);

  @Resolver()
  class DeadLetterResolver {
    @Query(() => DeadLetterPage, {
      name: names.list,
      description: `Events the ${subgraph} subgraph's reactions could not apply after their attempts, oldest first (not yet replayed, unless includeReplayed). Supervisors only.`,
    })
    async list(
      @Arg("consumer", () => String, { nullable: true, description: "Only this reaction's, e.g. fieldservice.job-follows-visit" }) consumer: string | null,
      @Arg("includeReplayed", () => Boolean, { defaultValue: false, description: "Also those already replayed" }) includeReplayed: boolean,
      @Arg("first", () => Int, { defaultValue: 20 }) first: number,
      @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page" }) after: string | null,
      @Ctx() context: DeadLetterContext,
    ): Promise<DeadLetterPage> {
      assertSupervisor(context.caller, names.list);
      checkPageSize(first);
      try {
        const page = await listDeadLetters(context.db, { first, after, consumer: consumer ?? undefined, includeReplayed });
        return { entries: page.items.map(toGraph), endCursor: page.endCursor, hasMore: page.hasNextPage };
      } catch (error) {
        if (error instanceof InvalidDeadLetterCursor) throw badInput(`after is not a cursor from ${names.list}; pass its endCursor`, { argument: "after" });
        throw error;
      }
    }

    @Mutation(() => DeadLetterReplay, {
      name: names.replay,
      description: `Re-applies one of the ${subgraph} subgraph's dead letters with its reaction, at most once in effect: applied is false when the event had already been applied. Supervisors only.`,
    })
    async replay(@Arg("id", () => ID) id: string, @Ctx() context: DeadLetterContext): Promise<DeadLetterReplay> {
      assertSupervisor(context.caller, names.replay);
      let result: Awaited<ReturnType<typeof replayDeadLetter>>;
      try {
        result = await replayDeadLetter(context.db, id, reactions);
      } catch (error) {
        if (error instanceof DeadLetterReplayFailed) {
          // Not the caller's mistake and not a crash: the event still cannot be applied (the
          // registry has no code of its own for it; CONFLICT: the data is not in a state to take it).
          throw codedError(ErrorCode.CONFLICT, `the reaction failed again: ${error.message}. The dead letter stays, now with ${error.attempts} attempts`, { deadLetterId: id, attempts: error.attempts, reason: "REACTION_FAILED" });
        }
        if (error instanceof NoReactionForDeadLetter) {
          throw codedError(ErrorCode.CONFLICT, `no reaction "${error.consumer}" runs in ${subgraph} any more to replay it`, { deadLetterId: id, consumer: error.consumer, reason: "NO_SUCH_REACTION" });
        }
        throw error;
      }
      if (!result) throw notFound(`no dead letter ${id} in ${subgraph}`, { deadLetterId: id });
      return { deadLetter: toGraph(result.deadLetter), applied: result.applied };
    }
  }

  const fields: DeadLetterFields = { names, resolvers: [DeadLetterResolver], orphanedTypes: [], customerData: DEAD_LETTER_CUSTOMER_DATA };
  forReactions.set(subgraph, fields);
  return fields;
}
