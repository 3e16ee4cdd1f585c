import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "serial")')
@ObjectType({ description: "A unit a maker sold, by serial number." })
export class Device {
  @Field(() => ID) serial!: string;
  @Field({ description: "Maker organization code" }) maker!: string;
  @Field({ description: "Model code; knownIssues are per model" }) model!: string;
  @Field() productName!: string;
  @Field() purchasedAt!: string;
  @Field(() => String, { nullable: true, description: "The retailer's order the unit was sold with" }) retailerOrderNumber!: string | null;
  ownerId!: string;
}
