import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { verificationKey } from "../loaders";
import { toVerification } from "../domain/mapping";
import { checkIdempotencyKey, checkLoginId } from "../domain/validation";
import { confirmVerification, startVerification } from "../domain/verification";
import { IdentityVerificationMethod } from "../types/enums";
import { IdentityVerification } from "../types/IdentityVerification";
import { VerificationChallenge } from "../types/VerificationChallenge";

@Resolver(() => IdentityVerification)
export class IdentityVerificationResolver {
  @Query(() => IdentityVerification, { nullable: true, description: "The calling rep's active verification for this login, or null" })
  async verificationStatus(@Arg("loginId", () => ID) loginId: string, @Ctx() context: Context): Promise<IdentityVerification | null> {
    const row = await context.loaders.verification.load(verificationKey(context.caller.subject, checkLoginId(loginId, "loginId")));
    return row ? toVerification(row) : null;
  }

  @Mutation(() => VerificationChallenge, { description: "Sends a one-time code to the login's registered phone to verify the caller is the customer (S2, S6)" })
  async startIdentityVerification(
    @Arg("loginId", () => ID) loginId: string,
    @Arg("method", () => IdentityVerificationMethod, { defaultValue: IdentityVerificationMethod.SMS_CODE }) _method: IdentityVerificationMethod,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() context: Context,
  ): Promise<VerificationChallenge> {
    return startVerification(context, checkLoginId(loginId, "loginId"), checkIdempotencyKey(idempotencyKey));
  }

  @Mutation(() => IdentityVerification, {
    description: "Checks the code the customer read out; a wrong code is BAD_USER_INPUT and counts (5 wrong codes close the challenge)",
  })
  async confirmIdentityVerification(
    @Arg("challengeId", () => ID) challengeId: string,
    @Arg("code", () => String) code: string,
    @Ctx() context: Context,
  ): Promise<IdentityVerification> {
    return confirmVerification(context, challengeId, code);
  }
}
