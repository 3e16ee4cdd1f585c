import { Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: "A promised call back to the customer." })
export class Callback {
  @Field(() => ID) id!: string;
  @Field() purpose!: string;
  @Field() promisedAt!: string;
  @Field() dueAt!: string;
  @Field(() => Actor) promisedBy!: Actor;
  @Field({ description: "OPEN, KEPT, BROKEN or CANCELLED" }) status!: string;
  @Field(() => String, { nullable: true, description: "When it was made or cancelled" }) doneAt!: string | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field({ description: "Open and past due" }) overdue!: boolean;
}
