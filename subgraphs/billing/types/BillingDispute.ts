import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";
import type { BillingDisputesTable } from "../db/tables";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A customer's dispute of a bill or a suspension, tracked with an owner and promises." })
export class BillingDispute {
  @Field(() => ID) id!: string;
  @Field(() => String) openedAt!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: "OPEN or RESOLVED" }) status!: string;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => Actor, { nullable: true, description: "Who recorded the dispute" }) openedBy!: Actor | null;
  accountNumber!: string;
  invoiceNumber!: string | null;
}

export function toBillingDispute(row: BillingDisputesTable): BillingDispute {
  return {
    id: row.id,
    openedAt: row.opened_at,
    reason: row.reason,
    status: row.status,
    closedAt: row.closed_at,
    openedBy: row.opened_by_name ? { name: row.opened_by_name, role: row.opened_by_role ?? undefined, organization: row.opened_by_org ?? "unknown" } : null,
    accountNumber: row.account_number,
    invoiceNumber: row.invoice_number,
  };
}
