import { Field, Int, ObjectType } from "type-graphql";
import type { InvoiceItemsTable } from "../db/tables";
import { yuan } from "../money";

@ObjectType({ description: "One charge (or credit) on an invoice and the rule behind it." })
export class InvoiceItem {
  @Field(() => Int) position!: number;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: "The line it was charged for; null for account-level items" }) lineNumber!: string | null;
  @Field(() => Int, { description: "Negative for credits and discounts" }) amountFen!: number;
  @Field(() => String) amountYuan!: string;
  @Field(() => String, { description: 'The rule behind the charge, e.g. "family free calls: 0 yuan for 132 min"' }) rule!: string;
  @Field(() => Int, { nullable: true }) quantity!: number | null;
  @Field(() => String, { nullable: true, description: "min, MB, line, month, ..." }) unit!: string | null;
}

export function toInvoiceItem(row: InvoiceItemsTable): InvoiceItem {
  return {
    position: Number(row.position),
    description: row.description,
    lineNumber: row.line_number,
    amountFen: Number(row.amount_fen),
    amountYuan: yuan(Number(row.amount_fen)),
    rule: row.rule,
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit,
  };
}
