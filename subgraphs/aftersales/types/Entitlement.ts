import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "What the customer is entitled to on a device: warranty, paid premium on-site service, ..." })
export class Entitlement {
  @Field({ description: "WARRANTY, EXTENDED_WARRANTY, PREMIUM_ONSITE, ADVANCE_REPLACEMENT" }) kind!: string;
  @Field() description!: string;
  @Field() startsAt!: string;
  @Field(() => String, { nullable: true, description: "Valid until (null: no end)" }) endsAt!: string | null;
  @Field({ description: "Valid now" }) active!: boolean;
  @Field({ description: "Paid for by the customer (not included with the product)" }) paid!: boolean;
  @Field(() => Int, { nullable: true }) priceFen!: number | null;
  @Field(() => String, { nullable: true, description: 'Price in yuan, e.g. "899.00"' }) priceYuan!: string | null;
}
