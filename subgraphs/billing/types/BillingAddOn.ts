import { Field, Int, ObjectType } from "type-graphql";
import type { AddOnsTable } from "../db/tables";
import { yuan } from "../money";

@ObjectType({ description: "An add-on pack on a line (data, roaming, equipment rental)." })
export class BillingAddOn {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameLatin!: string | null;
  @Field(() => Int, { description: "Monthly fee in fen" }) feeFen!: number;
  @Field(() => String) feeYuan!: string;
}

export function toBillingAddOn(row: AddOnsTable): BillingAddOn {
  return { code: row.code, name: row.name, nameLatin: row.name_latin, feeFen: Number(row.fee_fen), feeYuan: yuan(Number(row.fee_fen)) };
}
