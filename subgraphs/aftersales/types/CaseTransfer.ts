import { Field, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: "A case handed from one organization to another (S5), with the reason." })
export class CaseTransfer {
  @Field({ description: "Organization that handled the case before" }) fromOrganization!: string;
  @Field({ description: "Organization handling it after (now a party)" }) toOrganization!: string;
  @Field() reason!: string;
  @Field(() => Actor) by!: Actor;
  @Field() at!: string;
}
