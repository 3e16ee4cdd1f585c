import type { Context } from "../context";
import { handOverId } from "../handOverValidation";
import type { Callback } from "../types/Callback";
import { text } from "../validation";
import { settleCallbackPromise } from "./settleCallbackPromise";

export interface BreakCallbackPromiseInput {
  callbackId: string;
  reason: string;
  idempotencyKey: string;
}

/** S4: the promised call did not happen (OPEN -> BROKEN), with what went wrong. */
export async function breakCallbackPromise(ctx: Context, input: BreakCallbackPromiseInput): Promise<Callback> {
  const callbackId = handOverId(input.callbackId, "callbackId", "callbackId");
  const reason = text(input.reason, "reason");
  return settleCallbackPromise(ctx, { callbackId, idempotencyKey: input.idempotencyKey, reason }, { status: "BROKEN", text: reason, operation: "breakCallbackPromise" });
}
