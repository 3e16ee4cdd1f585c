import { Arg, Ctx, Directive, Int, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { requireSystem } from "../domain/access";
import { appendEntries } from "../domain/record";
import { checkEntryCount, toEntryRows } from "../domain/validation";
import { AuditEntryInput } from "../types/AuditEntryInput";

@Resolver()
export class RecordAuditEntriesResolver {
  /**
   * @inaccessible: not part of the client API. The gateway posts here directly with its own
   * system token; a client whose token says role "system" still cannot reach it through the gateway.
   * No idempotencyKey argument: each entry's id is its key (a repeat records nothing twice).
   */
  @Directive("@inaccessible")
  @Mutation(() => Int, { description: "Appends audit entries (gateway only). Returns how many of them are in the trail." })
  async recordAuditEntries(@Arg("entries", () => [AuditEntryInput]) entries: AuditEntryInput[], @Ctx() context: Context): Promise<number> {
    requireSystem(context.caller);
    checkEntryCount(entries.length);
    return appendEntries(context.db, entries.map(toEntryRows));
  }
}
