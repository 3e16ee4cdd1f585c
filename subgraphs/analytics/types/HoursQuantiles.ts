import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "A duration distribution in hours." })
export class HoursQuantiles {
  @Field(() => Float) median!: number;
  @Field(() => Float, { description: "90th percentile (linear interpolation)" }) p90!: number;
}
