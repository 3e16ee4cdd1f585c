import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { openBillingAccount } from "../mutations/openBillingAccount";
import { OpenBillingAccountInput } from "../types/OpenBillingAccountInput";
import { OpenedBillingAccount } from "../types/OpenedBillingAccount";

/** Issue 13 item 4: new customers' records through the graph, the carrier's part. */
@Resolver()
export class OpenBillingAccountResolver {
  @Mutation(() => OpenedBillingAccount, { description: "The carrier's desk opens an individual account for a new subscriber with its first line on `plan`; publishes the holder's identity for the identity graph. Safe to repeat with the same idempotencyKey." })
  async openBillingAccount(@Arg("input", () => OpenBillingAccountInput) input: OpenBillingAccountInput, @Ctx() ctx: Context): Promise<OpenedBillingAccount> {
    return openBillingAccount(ctx, input);
  }
}
