import { Directive, Field, ID, ObjectType } from "type-graphql";
import { SecurityLoginStatus } from "./enums";

/**
 * A login on the Yougou account platform. id, status and isLocked are visible to every
 * caller; attempts, lockouts and notifications are security detail behind the identity
 * verification gate (S2, S6).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A login on the Yougou account platform (org `platform`)." })
export class SecurityLogin {
  @Field(() => ID, { description: "Login id, e.g. u-lina" }) id!: string;
  @Field(() => String, { description: "Name on the account, e.g. 李娜" }) displayName!: string;
  @Field(() => String, { nullable: true, description: "Latin transcription, e.g. Li Na" }) displayNameLatin?: string | null;
  @Field(() => String, { description: "Registered phone, masked (139****5678); the full number never leaves the platform" }) maskedPhone!: string;
  @Field(() => SecurityLoginStatus) status!: SecurityLoginStatus;
}
