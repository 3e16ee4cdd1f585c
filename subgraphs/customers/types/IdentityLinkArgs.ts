import { ArgsType, Field } from "type-graphql";

/**
 * The arguments of linkIdentity and unlinkIdentity (identity/supervisorLinks.ts checks them),
 * in the order the published SDL lists them (the one separate @Arg parameters gave).
 */
@ArgsType()
export class IdentityLinkArgs {
  @Field() idempotencyKey!: string;
  @Field() reason!: string;
  @Field() identityId!: string;
  @Field() system!: string;
  @Field() personId!: string;
}
