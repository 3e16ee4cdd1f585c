import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A customer's registration with one maker (MR-...)." })
export class MakerCustomer {
  @Field(() => ID) id!: string;
  @Field({ description: "Maker organization code" }) maker!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field() city!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true, description: "Masked mobile number (138****1234)" }) phoneMasked!: string | null;
  @Field() registeredAt!: string;
}
