import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { ReturnRequest } from "../types/ReturnRequest";
import { refundReturnAtStore } from "../workflows/refundReturn";

/** S7: the store's half of a return spanning store and maker. */
@Resolver()
export class StoreRefundResolver {
  @Mutation(() => ReturnRequest, { description: "Pay a return's refund at the store against the maker's return certificate (-> REFUNDED, once)." })
  async refundReturnAtStore(
    @Arg("returnNumber", () => String) returnNumber: string,
    @Arg("certificateNumber", () => String, { description: "The maker's return certificate (RC-HUAWEI-...)" }) certificateNumber: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("caseNumber", () => String, { nullable: true, description: "The maker's service case behind the return" }) caseNumber?: string | null,
  ): Promise<ReturnRequest> {
    return refundReturnAtStore(ctx.db, ctx.caller, { returnNumber, certificateNumber, caseNumber: caseNumber ?? null, idempotencyKey });
  }
}
