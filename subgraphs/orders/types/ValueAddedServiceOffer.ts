import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A value-added service a rep may sell inside a case." })
export class ValueAddedServiceOffer {
  @Field() code!: string;
  @Field() name!: string;
  @Field() nameZh!: string;
  @Field(() => Int) priceFen!: number;
  @Field() priceYuan!: string;
}
