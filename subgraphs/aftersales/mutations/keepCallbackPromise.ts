import type { Context } from "../context";
import { handOverId } from "../handOverValidation";
import type { Callback } from "../types/Callback";
import { text } from "../validation";
import { settleCallbackPromise } from "./settleCallbackPromise";

export interface KeepCallbackPromiseInput {
  callbackId: string;
  outcome: string;
  idempotencyKey: string;
}

/** S7: the expert called back as promised (OPEN -> KEPT); late when after its due time. */
export async function keepCallbackPromise(ctx: Context, input: KeepCallbackPromiseInput): Promise<Callback> {
  const callbackId = handOverId(input.callbackId, "callbackId", "callbackId");
  const outcome = text(input.outcome, "outcome");
  return settleCallbackPromise(ctx, { callbackId, idempotencyKey: input.idempotencyKey, outcome }, { status: "KEPT", text: outcome, operation: "keepCallbackPromise" });
}
