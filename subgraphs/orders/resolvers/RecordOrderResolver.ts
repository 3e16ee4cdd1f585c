import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { recordOrder } from "../mutations/recordOrder";
import { RecordOrderInput } from "../types/RecordOrderInput";
import { RecordOrderResult } from "../types/RecordOrderResult";

/** Issue 13 item 5: new customers' records through the graph, the retailer's part. */
@Resolver(() => RecordOrderResult)
export class RecordOrderResolver {
  @Mutation(() => RecordOrderResult, { description: "Record an order for a buyer; a buyer new to the retailer (by mobile) becomes a retailer customer. Safe to repeat with the same idempotencyKey." })
  async recordOrder(@Arg("input", () => RecordOrderInput) input: RecordOrderInput, @Ctx() ctx: Context): Promise<RecordOrderResult> {
    return recordOrder(ctx.db, ctx.caller, input);
  }
}
