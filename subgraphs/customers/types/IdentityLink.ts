import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "The customer's identity in one system (subgraph)." })
export class IdentityLink {
  @Field({ description: "orders, aftersales, billing, security, or a partner's subgraph" }) system!: string;
  @Field() externalId!: string;
  @Field(() => String, { nullable: true, description: "holder, member, admin, ..." }) role?: string | null;
}
