import { Field, ObjectType } from "type-graphql";
import { ContactAttempt } from "./ContactAttempt";

@ObjectType({ description: "Before you call (S5): the latest contact with each party, and what the customer said." })
export class PartyContact {
  @Field() party!: string;
  @Field(() => ContactAttempt) latest!: ContactAttempt;
  @Field({ description: 'One line to read before dialing, e.g. "customer told jiangcheng it was resolved at 09:12"' }) headline!: string;
}
