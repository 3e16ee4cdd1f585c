import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A Yougou Mall store (S7: 优购南京新街口店)." })
export class Store {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "Latin transcription for reps abroad" }) nameLatin!: string | null;
  @Field() address!: string;
  @Field(() => String, { nullable: true }) addressLatin!: string | null;
  @Field() city!: string;
  @Field() phone!: string;
  @Field({ description: "Opening hours, e.g. 10:00-22:00 daily" }) hours!: string;
}
