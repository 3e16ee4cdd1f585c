import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The retailer's order (orders subgraph); aftersales adds the maker's cases behind it (S1). */
@Directive('@key(fields: "number")')
@ObjectType()
export class Order {
  @Field(() => ID) number!: string;
}
