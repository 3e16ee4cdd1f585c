import { Field, ID, ObjectType } from "type-graphql";
import { Order } from "./Order";

@ObjectType({ description: "What recordOrder did: the order, and the retailer customer it is for." })
export class RecordOrderResult {
  @Field(() => Order) order!: Order;
  @Field(() => ID, { description: "The buyer's retailer customer id (RC-...)" }) customerId!: string;
  @Field({ description: "True when the buyer was new to the retailer and its customer record was created" }) customerCreated!: boolean;
}
