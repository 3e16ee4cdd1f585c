import { Field, InputType } from "type-graphql";

@InputType({ description: "A contact attempt to record in the shared contact log." })
export class ContactLogInput {
  @Field() customerId!: string;
  @Field({ description: "Organization on the other end of the line" }) party!: string;
  @Field({ description: "PHONE, SMS, APP, EMAIL, VISIT" }) channel!: string;
  @Field({ description: "OUTBOUND or INBOUND" }) direction!: string;
  @Field({ description: "REACHED, NO_ANSWER, BUSY, TOLD_RESOLVED, CALLBACK_PROMISED, ..." }) outcome!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true }) subjectType?: string | null;
  @Field(() => String, { nullable: true }) subjectId?: string | null;
}
