import { Field, Int, ObjectType } from "type-graphql";
import type { BundleRulesTable } from "../db/tables";
import { yuan } from "../money";

@ObjectType({ description: 'A rule of a family bundle, e.g. "free calls among members", "total under 200 yuan".' })
export class BundleRule {
  @Field(() => String) code!: string;
  @Field(() => String) description!: string;
  @Field(() => Int, { nullable: true, description: "Monthly total cap in fen, when the rule is a cap" }) monthlyCapFen!: number | null;
  @Field(() => String, { nullable: true }) monthlyCapYuan!: string | null;
}

export function toBundleRule(row: BundleRulesTable): BundleRule {
  const cap = row.monthly_cap_fen === null ? null : Number(row.monthly_cap_fen);
  return { code: row.code, description: row.description, monthlyCapFen: cap, monthlyCapYuan: cap === null ? null : yuan(cap) };
}
