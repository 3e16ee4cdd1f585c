import { Field, InputType } from "type-graphql";

@InputType({ description: "The new subscriber holding the account, as the carrier's desk takes it down." })
export class BillingHolderInput {
  @Field({ description: "As the holder gives it, at most 60 characters" }) name!: string;
  @Field(() => String, { nullable: true, description: "Latin spelling (Wang Lei)" }) nameLatin?: string | null;
  @Field({ description: "The holder's mobile, any common form (138 0719 1234, +86 138-0719-1234); a MOBILE plan's line is this number" }) mobile!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field({ description: "City (武汉, Wuhan)" }) city!: string;
  @Field(() => String, { nullable: true, description: "Service or billing address, at most 200 characters" }) address?: string | null;
}

@InputType({ description: "An individual account a carrier opens for a new subscriber, with its first line on `plan`." })
export class OpenBillingAccountInput {
  @Field(() => BillingHolderInput) holder!: BillingHolderInput;
  @Field({ description: "Plan code of the caller's own operator: UNI-IND-39, UNI-IND-59, UNI-BB-100M (unicom); JC-HD-BASIC (jiangcheng)" }) plan!: string;
  @Field({ description: "Repeating with the same key returns the same answer and writes nothing" }) idempotencyKey!: string;
}
