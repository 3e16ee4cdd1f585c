import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A product in the retailer's catalogue." })
export class Product {
  @Field() sku!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field() model!: string;
  @Field({ description: "Maker's organization code: aolan, lenovo, huawei, ... (docs/STORY_DATA.md)" }) brand!: string;
}
