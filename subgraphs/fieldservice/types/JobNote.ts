import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A note on a field job: what the dispatcher or technician wrote down." })
export class JobNote {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "ISO 8601" }) at!: string;
  @Field(() => String, { description: "Who wrote it (name and team)" }) author!: string;
  @Field(() => String) text!: string;
}
