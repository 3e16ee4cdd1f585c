import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A maker's field technician." })
export class Technician {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field() phone!: string;
  serviceCenterId!: string;
}
