import { settlementMutation } from "./settleCallbackPromise";

export interface BreakCallbackPromiseInput {
  callbackId: string;
  reason: string;
  idempotencyKey: string;
}

/** S4: the promised call did not happen (OPEN -> BROKEN), with what went wrong. */
export const breakCallbackPromise = settlementMutation<BreakCallbackPromiseInput>("BROKEN", "reason", "breakCallbackPromise");
