import { Field, Int, ObjectType } from "type-graphql";
import type { PlansTable } from "../db/tables";
import { yuan } from "../money";

@ObjectType({ description: "A tariff plan and what it includes each month." })
export class BillingPlan {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field(() => Int) monthlyFeeFen!: number;
  @Field(() => String) monthlyFeeYuan!: string;
  @Field(() => Int) includedMinutes!: number;
  @Field(() => Int) includedDataMb!: number;
  @Field(() => Int) includedSms!: number;
}

export function toBillingPlan(row: PlansTable): BillingPlan {
  return {
    code: row.code,
    name: row.name,
    nameLatin: row.name_latin,
    monthlyFeeFen: Number(row.monthly_fee_fen),
    monthlyFeeYuan: yuan(Number(row.monthly_fee_fen)),
    includedMinutes: Number(row.included_minutes),
    includedDataMb: Number(row.included_data_mb),
    includedSms: Number(row.included_sms),
  };
}
