import { Field, ObjectType } from "type-graphql";
import { IdentityVerificationMethod } from "./enums";

@ObjectType({ description: "A caller's verification of a customer's identity for one login; it lets that caller see security detail until it expires." })
export class IdentityVerification {
  @Field(() => String) loginId!: string;
  @Field(() => String, { description: "Subject (staff id) of the caller who verified; the verification is theirs alone" }) verifiedBy!: string;
  @Field(() => String, { description: "Their display name" }) verifiedByName!: string;
  @Field(() => IdentityVerificationMethod) method!: IdentityVerificationMethod;
  @Field(() => String) verifiedAt!: string;
  @Field(() => String, { description: "Detail stays visible to this caller until (ISO 8601)" }) verifiedUntil!: string;
}
