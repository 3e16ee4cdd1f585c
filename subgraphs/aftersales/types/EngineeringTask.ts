import { Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: "An engineering verification task behind a case (S7)." })
export class EngineeringTask {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: "LOW, NORMAL, HIGH, URGENT" }) priority!: string;
  @Field({ description: "OPEN, IN_PROGRESS, DONE or CANCELLED" }) status!: string;
  @Field(() => Actor) assignee!: Actor;
  @Field() openedAt!: string;
  @Field(() => String, { nullable: true }) doneAt!: string | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
}
