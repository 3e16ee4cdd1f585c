import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import type { InvoicesTable } from "../db/tables";
import { yuan } from "../money";

@Directive('@key(fields: "number")')
@ObjectType({ description: "A monthly bill of a billing account." })
export class Invoice {
  @Field(() => ID) number!: string;
  @Field(() => String, { description: "Billing month, YYYY-MM" }) period!: string;
  @Field(() => String) issuedAt!: string;
  @Field(() => String) dueAt!: string;
  @Field(() => Int) totalFen!: number;
  @Field(() => String) totalYuan!: string;
  @Field(() => String, { description: "PAID, UNPAID or OVERDUE (unpaid past its due date)" }) status!: string;
  @Field(() => String, { nullable: true }) paidAt!: string | null;
  accountNumber!: string;
}

export function toInvoice(row: InvoicesTable, now = Date.now()): Invoice {
  const overdue = row.status === "UNPAID" && Date.parse(row.due_at) < now;
  return {
    number: row.number,
    period: row.period,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    totalFen: Number(row.total_fen),
    totalYuan: yuan(Number(row.total_fen)),
    status: overdue ? "OVERDUE" : row.status,
    paidAt: row.paid_at,
    accountNumber: row.account_number,
  };
}
