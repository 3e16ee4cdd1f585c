import { Field, ID, Int, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: "A satisfaction survey sent to the customer, and its answer once given (S4)." })
export class Survey {
  @Field(() => ID) id!: string;
  @Field({ description: "Organization that surveyed" }) party!: string;
  @Field() sentAt!: string;
  @Field({ description: "SENT or ANSWERED" }) status!: string;
  @Field(() => String, { nullable: true }) answeredAt?: string | null;
  @Field(() => Int, { nullable: true, description: "1 (very dissatisfied) to 5 (very satisfied)" }) score?: number | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => String, { nullable: true }) subjectType?: string | null;
  @Field(() => String, { nullable: true }) subjectId?: string | null;
  @Field(() => Actor, { nullable: true }) sentBy?: Actor | null;

  customerId!: string;
}
