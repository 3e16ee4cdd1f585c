import { Field, ID, ObjectType } from "type-graphql";
import type { SuspensionsTable } from "../db/tables";

@ObjectType({ description: "Service cut on an account (all its lines), with why and when." })
export class Suspension {
  @Field(() => ID) id!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) from!: string;
  @Field(() => String, { nullable: true, description: "When service was restored; null while active" }) until!: string | null;
  @Field(() => String, { description: "ACTIVE or LIFTED" }) status!: string;
  accountNumber!: string;
  invoiceNumber!: string | null;
}

export function toSuspension(row: SuspensionsTable): Suspension {
  return {
    id: row.id,
    reason: row.reason,
    from: row.from_at,
    until: row.until_at,
    status: row.status,
    accountNumber: row.account_number,
    invoiceNumber: row.invoice_number,
  };
}
