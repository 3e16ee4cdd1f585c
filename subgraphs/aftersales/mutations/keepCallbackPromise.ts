import { settlementMutation } from "./settleCallbackPromise";

export interface KeepCallbackPromiseInput {
  callbackId: string;
  outcome: string;
  idempotencyKey: string;
}

/** S7: the expert called back as promised (OPEN -> KEPT); late when after its due time. */
export const keepCallbackPromise = settlementMutation<KeepCallbackPromiseInput>("KEPT", "outcome", "keepCallbackPromise");
