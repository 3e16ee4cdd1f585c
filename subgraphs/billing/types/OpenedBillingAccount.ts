import { Field, ObjectType } from "type-graphql";
import { BillingAccount } from "./BillingAccount";
import { BillingLine } from "./BillingLine";

@ObjectType({ description: "What openBillingAccount did: the new account and its first line." })
export class OpenedBillingAccount {
  @Field(() => BillingAccount) account!: BillingAccount;
  @Field(() => BillingLine) line!: BillingLine;
}
