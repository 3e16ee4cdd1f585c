import { Directive, Field, ID, ObjectType } from "type-graphql";

/*
 * The customer's accounts in the other systems. The customers subgraph knows only their
 * keys (from identity_links); the owning subgraph resolves everything else.
 */

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "The customer's account at the retailer (orders subgraph)." })
export class RetailerCustomer {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "The customer's registration with a maker (aftersales subgraph)." })
export class MakerCustomer {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "number", resolvable: false)')
@ObjectType({ description: "A billing account the customer holds or belongs to (billing subgraph)." })
export class BillingAccount {
  @Field(() => ID) number!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "The customer's login on the account platform (security subgraph)." })
export class SecurityLogin {
  @Field(() => ID) id!: string;
}
