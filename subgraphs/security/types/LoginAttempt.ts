import { Field, ID, ObjectType } from "type-graphql";
import { LoginAttemptResult } from "./enums";
import { LoginLocation } from "./LoginLocation";

@ObjectType({ description: "One attempt to sign in to a login." })
export class LoginAttempt {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "When (ISO 8601, UTC)" }) at!: string;
  @Field(() => String, { description: "Client IP; masked (223.104.*.*) for analysts" }) ip!: string;
  @Field(() => LoginLocation) location!: LoginLocation;
  @Field(() => String, { description: "Device / user agent summary, e.g. Chrome 126 on Windows 11" }) device!: string;
  @Field(() => LoginAttemptResult) result!: LoginAttemptResult;
}
