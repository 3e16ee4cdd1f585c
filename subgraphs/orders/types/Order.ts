import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { OrderChannel } from "./OrderChannel";

@Directive('@key(fields: "number")')
@ObjectType({ description: "An order at Yougou Mall, online or in a store." })
export class Order {
  @Field(() => ID, { description: "Order number, e.g. YG-20261102-0001" }) number!: string;
  @Field() placedAt!: string;
  @Field({ description: "PLACED, PAID, SHIPPED, DELIVERED, INSTALLED, AWAITING_TECHNICIAN, RETURN_IN_PROGRESS, RETURNED, COMPLETED" }) status!: string;
  @Field(() => OrderChannel) channel!: OrderChannel;
  @Field(() => Int, { description: "Total in fen (1/100 yuan)" }) totalFen!: number;
  @Field({ description: 'Total in yuan, e.g. "1299.00"' }) totalYuan!: string;

  customerId!: string;
  storeId!: string | null;
}
