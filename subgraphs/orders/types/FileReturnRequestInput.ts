import { Field, InputType, Int } from "type-graphql";
import { ReturnRequestType } from "./ReturnRequestType";

@InputType({ description: "A return, refund or repair request the retailer's desk files for a buyer on one of their orders (S1: the water heater leaks)." })
export class FileReturnRequestInput {
  @Field({ description: "The order (YG-...)" }) orderNumber!: string;
  @Field(() => Int, { nullable: true, description: "The order line it is about; 1 when omitted" }) lineNo?: number | null;
  @Field(() => ReturnRequestType) type!: ReturnRequestType;
  @Field({ description: "What is wrong, in the customer's words; at most 300 characters" }) reason!: string;
  @Field({ description: "Repeating with the same key returns the same answer" }) idempotencyKey!: string;
}
