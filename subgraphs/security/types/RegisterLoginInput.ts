import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A new login on the account platform, as the platform's desk takes it down." })
export class RegisterLoginInput {
  @Field(() => ID, { nullable: true, description: "The login id the customer chose (letters, digits, . _ -; 3-32 characters); a fresh u-n... id when omitted" }) loginId?: string | null;
  @Field({ description: "Name on the account, at most 60 characters" }) displayName!: string;
  @Field(() => String, { nullable: true, description: "Latin transcription (Li Na)" }) displayNameLatin?: string | null;
  @Field({ description: "The phone codes are sent to: a mobile, any common form (139 1234 5678, +86 139-1234-5678)" }) mobile!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field({ description: "Repeating with the same key returns the same answer and writes nothing" }) idempotencyKey!: string;
}
