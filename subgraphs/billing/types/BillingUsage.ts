import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "What a line used in a billing period." })
export class BillingUsage {
  @Field(() => String, { description: "Billing month, YYYY-MM" }) period!: string;
  @Field(() => Int) callMinutes!: number;
  @Field(() => Int) dataMb!: number;
  @Field(() => Int) sms!: number;
}
