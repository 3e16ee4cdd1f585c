import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { maskPhone } from "../../kit";
import type { BillingAccountsTable } from "../db/tables";
import { PROVIDER_NAMES, yuan } from "../money";

@Directive('@key(fields: "number")')
@ObjectType({ description: "A telecom or cable TV billing account: individual, family bundle or corporate settlement." })
export class BillingAccount {
  @Field(() => ID, { description: "Account number, e.g. BA-2001" }) number!: string;
  @Field(() => String, { description: "Organization code of the operator: unicom, jiangcheng" }) provider!: string;
  @Field(() => String) providerName!: string;
  @Field(() => String, { description: "INDIVIDUAL, FAMILY_BUNDLE or CORPORATE_SETTLEMENT" }) type!: string;
  @Field(() => String, { description: "Account holder (a person or a company)" }) holderName!: string;
  @Field(() => String, { nullable: true }) holderNameLatin!: string | null;
  @Field(() => String, { nullable: true, description: "Contact number, masked (138****1234)" }) contactPhoneMasked!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) addressLatin!: string | null;
  @Field(() => String, { description: "ACTIVE or SUSPENDED" }) status!: string;
  @Field(() => Int, { description: "Balance in fen: positive is credit, negative is owed" }) balanceFen!: number;
  @Field(() => String, { description: 'Balance in yuan, e.g. "-128.00"' }) balanceYuan!: string;
  @Field(() => String) openedAt!: string;
}

export function toBillingAccount(row: BillingAccountsTable): BillingAccount {
  return {
    number: row.number,
    provider: row.provider,
    providerName: PROVIDER_NAMES[row.provider] ?? row.provider,
    type: row.type,
    holderName: row.holder_name,
    holderNameLatin: row.holder_name_latin,
    contactPhoneMasked: row.contact_phone ? maskPhone(row.contact_phone) : null,
    address: row.address,
    addressLatin: row.address_latin,
    status: row.status,
    balanceFen: Number(row.balance_fen),
    balanceYuan: yuan(Number(row.balance_fen)),
    openedAt: row.opened_at,
  };
}
