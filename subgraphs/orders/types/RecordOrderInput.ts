import { Field, ID, InputType, Int } from "type-graphql";
import { OrderChannel } from "./OrderChannel";

@InputType({ description: "The buyer of a recorded order: matched to an existing retailer customer by mobile, else created." })
export class BuyerInput {
  @Field({ description: "As the buyer gives it, at most 60 characters" }) name!: string;
  @Field(() => String, { nullable: true, description: "Latin spelling (Wang Lei)" }) nameLatin?: string | null;
  @Field({ description: "Mobile, any common form (138 0719 1234, +86 138-0719-1234)" }) mobile!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field({ description: "City (武汉, Wuhan)" }) city!: string;
  @Field(() => String, { nullable: true, description: "District (洪山区)" }) district?: string | null;
  @Field({ description: "Delivery address, at most 200 characters" }) address!: string;
  @Field(() => Boolean, { nullable: true, description: "The buyer says the number is a household's/shared phone" }) sharedPhone?: boolean | null;
}

@InputType({ description: "One line of a recorded order" })
export class RecordOrderLineInput {
  @Field({ description: "A product SKU of the retailer's catalogue (AL-EH60)" }) sku!: string;
  @Field(() => Int, { nullable: true, description: "1 when omitted; 1-99" }) quantity?: number | null;
  @Field(() => String, { nullable: true, description: "The unit's serial when known (AL-EH60-88001)" }) serial?: string | null;
}

@InputType({ description: "An order the retailer records for a buyer (a new buyer becomes a retailer customer)." })
export class RecordOrderInput {
  @Field(() => BuyerInput) buyer!: BuyerInput;
  @Field(() => [RecordOrderLineInput]) lines!: RecordOrderLineInput[];
  @Field(() => OrderChannel, { nullable: true, description: "ONLINE when omitted" }) channel?: OrderChannel | null;
  @Field(() => ID, { nullable: true, description: "The store (ST-...) for a STORE order" }) storeId?: string | null;
  @Field({ description: "Repeating with the same key returns the same answer" }) idempotencyKey!: string;
}
