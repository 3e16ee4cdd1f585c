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

/*
 * Things a timeline entry can be about, owned by other subgraphs: a client expands an
 * entry's `subject` through the graph (`... on ServiceCase { status visits { status } }`).
 */

@Directive('@key(fields: "number", resolvable: false)')
@ObjectType({ description: "A retailer order (orders subgraph)." })
export class Order {
  @Field(() => ID) number!: string;
}

@Directive('@key(fields: "number", resolvable: false)')
@ObjectType({ description: "A return or repair request at the retailer (orders subgraph)." })
export class ReturnRequest {
  @Field(() => ID) number!: string;
}

@Directive('@key(fields: "number", resolvable: false)')
@ObjectType({ description: "A value-added service ordered inside a case (orders subgraph)." })
export class ValueAddedServiceOrder {
  @Field(() => ID) number!: string;
}

@Directive('@key(fields: "number", resolvable: false)')
@ObjectType({ description: "A maker's service case (aftersales subgraph)." })
export class ServiceCase {
  @Field(() => ID) number!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "A technician visit (aftersales subgraph)." })
export class Visit {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "serial", resolvable: false)')
@ObjectType({ description: "A device by serial (aftersales subgraph)." })
export class Device {
  @Field(() => ID) serial!: string;
}

@Directive('@key(fields: "number", resolvable: false)')
@ObjectType({ description: "An invoice (billing subgraph)." })
export class Invoice {
  @Field(() => ID) number!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "A billing dispute (billing subgraph)." })
export class BillingDispute {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: "A network outage (billing subgraph)." })
export class Outage {
  @Field(() => ID) id!: string;
}
