import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "An organization sharing a service case (S5: provider, maker after-sales, field service)." })
export class CaseParty {
  @Field({ description: "Organization code (docs/STORY_DATA.md)" }) organization!: string;
  @Field() name!: string;
  @Field({ description: "PROVIDER, RETAILER, MAKER_AFTERSALES, FIELD_SERVICE, SERVICE_CENTER" }) role!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field() joinedAt!: string;
}
