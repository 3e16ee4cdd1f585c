import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A period during which a login was locked." })
export class Lockout {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Why, e.g. "5 wrong passwords within 10 minutes"' }) cause!: string;
  @Field(() => String, { description: "Locked since (ISO 8601)" }) since!: string;
  @Field(() => String, { nullable: true, description: "When it was lifted; null while it lasts" }) until?: string | null;
  @Field(() => Boolean, { description: "Still in force" }) active!: boolean;
  @Field(() => String, { description: "How the customer gets back in" }) howToLift!: string;
  @Field(() => String, { nullable: true, description: "Who lifted it (name and organization, or self-service)" }) liftedBy?: string | null;
  @Field(() => String, { nullable: true, description: "How it was lifted" }) liftMethod?: string | null;
}
