import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "An advance replacement: a new unit shipped before the faulty one is returned (S7)." })
export class ReplacementShipment {
  @Field(() => ID) id!: string;
  @Field() productName!: string;
  @Field() carrier!: string;
  @Field() trackingNumber!: string;
  @Field() shippedAt!: string;
  @Field(() => String, { nullable: true }) deliveredAt!: string | null;
  @Field({ description: "SHIPPED, IN_TRANSIT, DELIVERED or RETURNED" }) status!: string;
  @Field({ description: "The faulty unit is back with the maker" }) oldUnitReturned!: boolean;
  @Field(() => String, { nullable: true }) oldUnitReturnedAt!: string | null;
  @Field(() => String, { nullable: true, description: "The service case it is for" }) caseNumber!: string | null;
  /** The maker registration (audit trail). */
  ownerId?: string;
}
