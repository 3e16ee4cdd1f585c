import { Field, ID, Int, ObjectType } from "type-graphql";
import type { PaymentsTable } from "../db/tables";
import { yuan } from "../money";

@ObjectType({ description: "A payment received on a billing account." })
export class BillingPayment {
  @Field(() => ID) id!: string;
  @Field(() => String) at!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => String) amountYuan!: string;
  @Field(() => String, { description: "ALIPAY, WECHAT_PAY, BANK_DEBIT, BANK_TRANSFER, CASH" }) method!: string;
  @Field(() => String, { nullable: true, description: "The invoice it settled" }) invoiceNumber!: string | null;
}

export function toBillingPayment(row: PaymentsTable): BillingPayment {
  return { id: row.id, at: row.at, amountFen: Number(row.amount_fen), amountYuan: yuan(Number(row.amount_fen)), method: row.method, invoiceNumber: row.invoice_number };
}
