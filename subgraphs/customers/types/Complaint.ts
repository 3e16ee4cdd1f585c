import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A complaint the customer made, tracked until answered (S4)." })
export class Complaint {
  @Field(() => ID) id!: string;
  @Field() openedAt!: string;
  @Field({ description: "The organization complained about" }) againstOrganization!: string;
  @Field() summary!: string;
  @Field({ description: "OPEN, ESCALATED, ANSWERED, RESOLVED" }) status!: string;
  @Field() escalated!: boolean;
  @Field(() => String, { nullable: true }) resolvedAt?: string | null;
}
