import { Directive, Field, Float, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A maker's service center or service point." })
export class ServiceCenter {
  @Field(() => ID) id!: string;
  @Field() maker!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field() address!: string;
  @Field(() => String, { nullable: true }) addressLatin!: string | null;
  @Field() city!: string;
  @Field() cityLatin!: string;
  @Field() phone!: string;
  @Field({ description: "Opening hours, local time" }) hours!: string;
  @Field(() => Float, { nullable: true }) lat!: number | null;
  @Field(() => Float, { nullable: true }) lng!: number | null;
}
