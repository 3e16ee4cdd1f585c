import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The retailer's return or repair request (orders subgraph); aftersales adds the maker's case opened from it. */
@Directive('@key(fields: "number")')
@ObjectType()
export class ReturnRequest {
  @Field(() => ID) number!: string;
}
