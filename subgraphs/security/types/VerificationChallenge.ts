import { Field, ID, Int, ObjectType } from "type-graphql";
import { IdentityVerificationMethod } from "./enums";

@ObjectType({ description: "A one-time code sent to the customer; confirm it to verify their identity." })
export class VerificationChallenge {
  @Field(() => ID) id!: string;
  @Field(() => String) loginId!: string;
  @Field(() => IdentityVerificationMethod) method!: IdentityVerificationMethod;
  @Field(() => String, { description: "Where the code went: 139****5678" }) maskedDestination!: string;
  @Field(() => String, { description: "The code is valid until (ISO 8601)" }) expiresAt!: string;
  @Field(() => Int, { description: "Wrong codes allowed before the challenge dies" }) attemptsAllowed!: number;
  @Field(() => String, {
    nullable: true,
    description: "The code itself, outside production only (development and tests); null on a repeated request",
  })
  devCode?: string | null;
}
