import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Rough place of a login attempt, from its IP address." })
export class LoginLocation {
  @Field(() => String, { description: "e.g. 南京 Nanjing" }) city!: string;
  @Field(() => String, { description: "e.g. 江苏 Jiangsu" }) province!: string;
  @Field(() => String, { description: "ISO country code, e.g. CN" }) country!: string;
}
