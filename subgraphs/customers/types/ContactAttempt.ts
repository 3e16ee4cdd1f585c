import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "One attempt to reach the customer, or by the customer to reach a party (S5)." })
export class ContactAttempt {
  @Field(() => ID) id!: string;
  /** Whose contact log it is in (not in the schema): its owner for the audit trail. */
  customerId!: string;
  @Field() at!: string;
  @Field({ description: "Organization on the other end: jiangcheng, hengtong, yougou, ..." }) party!: string;
  @Field({ description: "PHONE, SMS, APP, EMAIL, VISIT" }) channel!: string;
  @Field({ description: "OUTBOUND (party called the customer) or INBOUND (customer called the party)" }) direction!: string;
  @Field({ description: "REACHED, NO_ANSWER, BUSY, TOLD_RESOLVED, CALLBACK_PROMISED, ..." }) outcome!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true }) byName?: string | null;
  @Field(() => String, { nullable: true }) byOrganization?: string | null;
  @Field(() => String, { nullable: true }) subjectType?: string | null;
  @Field(() => String, { nullable: true }) subjectId?: string | null;
}
