import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { addCaseNote } from "../mutations/addCaseNote";
import { breakCallbackPromise } from "../mutations/breakCallbackPromise";
import { completeEngineeringTask } from "../mutations/completeEngineeringTask";
import { createEngineeringTask } from "../mutations/createEngineeringTask";
import { keepCallbackPromise } from "../mutations/keepCallbackPromise";
import { makeCallbackPromise } from "../mutations/makeCallbackPromise";
import { Callback } from "../types/Callback";
import { CaseNote } from "../types/CaseNote";
import { EngineeringTask } from "../types/EngineeringTask";

/** The work on a case (issue 14; docs/STATE_MACHINES.md "Engineering task" and "Promise"): verification tasks, callback promises, notes. */
@Resolver()
export class CaseWorkMutationResolver {
  @Mutation(() => EngineeringTask, { description: "Ask an engineer for a verification, due at a time (S7)." })
  async createEngineeringTask(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("title", () => String, { description: "What to verify, 1-200 characters" }) title: string,
    @Arg("priority", () => String, { description: "LOW, NORMAL, HIGH or URGENT" }) priority: string,
    @Arg("assigneeName", () => String) assigneeName: string,
    @Arg("assigneeTeam", () => String, { nullable: true }) assigneeTeam: string | null,
    @Arg("dueAt", () => String, { description: "ISO 8601, in the future, at most 30 days ahead" }) dueAt: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<EngineeringTask> {
    return createEngineeringTask(ctx, { caseNumber, title, priority, assigneeName, assigneeTeam, dueAt, idempotencyKey });
  }

  @Mutation(() => EngineeringTask, { description: "Record a verification's result (OPEN -> DONE, once)." })
  async completeEngineeringTask(
    @Arg("taskId", () => String, { description: "ENG-..." }) taskId: string,
    @Arg("result", () => String, { description: "What the engineer found, 1-1000 characters" }) result: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<EngineeringTask> {
    return completeEngineeringTask(ctx, { taskId, result, idempotencyKey });
  }

  @Mutation(() => Callback, { description: "Promise the customer a call back: who (the caller), by when, what (S4, S7)." })
  async makeCallbackPromise(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("purpose", () => String, { description: "What the call will be about, 1-300 characters" }) purpose: string,
    @Arg("dueAt", () => String, { description: "ISO 8601, in the future, at most 30 days ahead" }) dueAt: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Callback> {
    return makeCallbackPromise(ctx, { caseNumber, purpose, dueAt, idempotencyKey });
  }

  @Mutation(() => Callback, { description: "The promised call happened (OPEN -> KEPT); after its due time it says how late." })
  async keepCallbackPromise(
    @Arg("callbackId", () => String, { description: "CB-..." }) callbackId: string,
    @Arg("outcome", () => String, { description: "What was said, 1-500 characters" }) outcome: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Callback> {
    return keepCallbackPromise(ctx, { callbackId, outcome, idempotencyKey });
  }

  @Mutation(() => Callback, { description: "The promised call did not happen (OPEN -> BROKEN)." })
  async breakCallbackPromise(
    @Arg("callbackId", () => String, { description: "CB-..." }) callbackId: string,
    @Arg("reason", () => String) reason: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Callback> {
    return breakCallbackPromise(ctx, { callbackId, reason, idempotencyKey });
  }

  @Mutation(() => CaseNote, { description: "A note on a case: INTERNAL (your organization only) or SHARED (every party)." })
  async addCaseNote(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("text", () => String, { description: "1-2000 characters" }) text: string,
    @Arg("visibility", () => String, { description: "INTERNAL or SHARED" }) visibility: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<CaseNote> {
    return addCaseNote(ctx, { caseNumber, text, visibility, idempotencyKey });
  }
}
