import { Field, ObjectType } from "type-graphql";
import { AuditEntry } from "./AuditEntry";

@ObjectType({ description: "A page of the audit trail, newest first." })
export class AuditTrailPage {
  @Field(() => [AuditEntry]) entries!: AuditEntry[];
  @Field(() => Boolean, { description: "More (older) entries follow; pass endCursor as `after`" }) hasMore!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the last entry on this page; null when the page is empty" }) endCursor!: string | null;
}
