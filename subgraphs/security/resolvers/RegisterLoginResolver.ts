import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { registerLogin } from "../domain/registerLogin";
import { RegisterLoginInput } from "../types/RegisterLoginInput";
import { SecurityLogin } from "../types/SecurityLogin";

/** Issue 13 item 4: new customers' records through the graph, the account platform's part. */
@Resolver()
export class RegisterLoginResolver {
  @Mutation(() => SecurityLogin, { description: "The account platform's desk registers a login for a customer (one mobile, one login); publishes the identity for the identity graph. Safe to repeat with the same idempotencyKey." })
  async registerLogin(@Arg("input", () => RegisterLoginInput) input: RegisterLoginInput, @Ctx() ctx: Context): Promise<SecurityLogin> {
    return registerLogin(ctx, input);
  }
}
