import { Field, ObjectType } from "type-graphql";

/** One identity (system:id) and the persons it is linked to: the gateway's audit trail maps served records to people with it. */
@ObjectType({ description: "The persons an identity in another system belongs to (gateway only)." })
export class IdentityPersons {
  @Field(() => String, { description: "system:id, e.g. orders:RC-1001" }) identity!: string;
  @Field(() => [String]) customerIds!: string[];
}
