import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@Directive('@key(fields: "number")')
@ObjectType({ description: "A paid service sold inside a maker's service case (S6): on-site visits, upgrade packs." })
export class ValueAddedServiceOrder {
  @Field(() => ID, { description: "e.g. VAS-20261101-0606" }) number!: string;
  @Field({ description: "Catalogue code, e.g. ONSITE_2H" }) serviceCode!: string;
  @Field({ description: 'e.g. "2-hour on-site visit"' }) service!: string;
  @Field(() => Int) priceFen!: number;
  @Field() priceYuan!: string;
  @Field({ description: "ORDERED, SCHEDULED, COMPLETED or CANCELLED" }) status!: string;
  @Field() orderedAt!: string;
  @Field({ description: "When it is due to be delivered" }) dueAt!: string;
  @Field() caseNumber!: string;
  @Field(() => Actor, { description: "Who sold it" }) orderedBy!: Actor;

  customerId!: string;
}
