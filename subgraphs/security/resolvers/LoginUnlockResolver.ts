import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { checkIdempotencyKey, checkLoginId } from "../domain/validation";
import { unlockLogin } from "../domain/unlock";
import { SecurityLogin } from "../types/SecurityLogin";

@Resolver()
export class LoginUnlockResolver {
  @Mutation(() => SecurityLogin, { description: "Ends the active lockout; needs an active identity verification by this caller (else VERIFICATION_REQUIRED)" })
  async unlockLogin(
    @Arg("loginId", () => ID) loginId: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() context: Context,
  ): Promise<SecurityLogin> {
    return unlockLogin(context, checkLoginId(loginId, "loginId"), checkIdempotencyKey(idempotencyKey));
  }
}
