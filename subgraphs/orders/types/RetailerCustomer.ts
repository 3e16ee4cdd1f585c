import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A customer account at Yougou Mall (id e.g. RC-1001)." })
export class RetailerCustomer {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field() memberSince!: string;
}
