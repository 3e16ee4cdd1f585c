import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { fileReturnRequest } from "../mutations/fileReturnRequest";
import { recordOrder } from "../mutations/recordOrder";
import { FileReturnRequestInput } from "../types/FileReturnRequestInput";
import { RecordOrderInput } from "../types/RecordOrderInput";
import { RecordOrderResult } from "../types/RecordOrderResult";
import { ReturnRequest } from "../types/ReturnRequest";

/** Issue 13 item 5: new customers' records through the graph, the retailer's part (orders, and the requests filed on them). */
@Resolver(() => RecordOrderResult)
export class RecordOrderResolver {
  @Mutation(() => RecordOrderResult, { description: "Record an order for a buyer; a buyer new to the retailer (by mobile) becomes a retailer customer. Safe to repeat with the same idempotencyKey." })
  async recordOrder(@Arg("input", () => RecordOrderInput) input: RecordOrderInput, @Ctx() ctx: Context): Promise<RecordOrderResult> {
    return recordOrder(ctx.db, ctx.caller, input);
  }

  @Mutation(() => ReturnRequest, { description: "File a repair, return or refund request on an order line for the buyer (S1); another brand's product goes to its maker's after-sales. Safe to repeat with the same idempotencyKey." })
  async fileReturnRequest(@Arg("input", () => FileReturnRequestInput) input: FileReturnRequestInput, @Ctx() ctx: Context): Promise<ReturnRequest> {
    return fileReturnRequest(ctx.db, ctx.caller, input);
  }
}
