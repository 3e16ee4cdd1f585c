import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import type { BillingLinesTable } from "../db/tables";
import { BillingUsage } from "./BillingUsage";

@Directive('@key(fields: "number")')
@ObjectType({ description: "One service on an account: a mobile number, a home broadband or a cable TV subscription." })
export class BillingLine {
  @Field(() => ID, { description: "Normalized phone number (13011112222, 02787654321) or operator id" }) number!: string;
  @Field(() => Int, { description: "Position on the account (corporate line 1..50)" }) position!: number;
  @Field(() => String, { description: "MOBILE, BROADBAND or CABLE_TV" }) kind!: string;
  @Field(() => String) memberName!: string;
  @Field(() => String, { nullable: true }) memberNameLatin!: string | null;
  @Field(() => String, { description: "HOLDER, SPOUSE, PARENT, CHILD, EMPLOYEE, ..." }) memberRole!: string;
  @Field(() => String, { description: "ACTIVE or SUSPENDED" }) status!: string;
  @Field(() => String) activatedAt!: string;
  @Field(() => String, { nullable: true, description: "Rented equipment on this line (set-top box serial)" }) equipmentSerial!: string | null;
  @Field(() => BillingUsage, { description: "Usage in the current billing period" }) usage!: BillingUsage;
  accountNumber!: string;
  planCode!: string;
}

export function toBillingLine(row: BillingLinesTable): BillingLine {
  return {
    number: row.number,
    position: Number(row.position),
    kind: row.kind,
    memberName: row.member_name,
    memberNameLatin: row.member_name_latin,
    memberRole: row.member_role,
    status: row.status,
    activatedAt: row.activated_at,
    equipmentSerial: row.equipment_serial,
    usage: { period: row.usage_period, callMinutes: Number(row.usage_minutes), dataMb: Number(row.usage_data_mb), sms: Number(row.usage_sms) },
    accountNumber: row.account_number,
    planCode: row.plan_code,
  };
}
