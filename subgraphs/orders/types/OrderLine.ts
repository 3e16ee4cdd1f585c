import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One line of an order." })
export class OrderLine {
  @Field(() => Int) lineNo!: number;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { description: "Unit price in fen (1/100 yuan)" }) unitPriceFen!: number;
  @Field({ description: 'Unit price in yuan, e.g. "1299.00"' }) unitPriceYuan!: string;
  @Field(() => String, { nullable: true, description: "Serial number of the unit sold, when known" }) serial!: string | null;

  orderNumber!: string;
  sku!: string;
}
