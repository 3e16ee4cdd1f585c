import { Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: "A complaint the customer made, tracked until answered (S4)." })
export class Complaint {
  @Field(() => ID) id!: string;
  @Field() openedAt!: string;
  @Field({ description: "The organization complained about" }) againstOrganization!: string;
  @Field() summary!: string;
  @Field({ description: "OPEN, ESCALATED, ANSWERED, RESOLVED (docs/state-machines/complaints-surveys-replacements.md)" }) status!: string;
  @Field() escalated!: boolean;
  @Field(() => String, { nullable: true }) resolvedAt?: string | null;
  @Field(() => Actor, { nullable: true, description: "Who owns the answer (null for complaints recorded before owners were tracked)" }) owner?: Actor | null;
  @Field(() => String, { nullable: true, description: "When a reply is promised by" }) dueAt?: string | null;
  @Field({ description: "Not answered and past its due date" }) overdue!: boolean;
  @Field(() => String, { nullable: true, description: 'e.g. "escalated and unanswered: reply promised by 10:00 on 2026-10-05, 58 days late"' }) overdueText?: string | null;
  @Field(() => String, { nullable: true }) answer?: string | null;
  @Field(() => String, { nullable: true }) answeredAt?: string | null;
  @Field(() => Actor, { nullable: true }) answeredBy?: Actor | null;
  @Field(() => Actor, { nullable: true, description: "Who filed it" }) filedBy?: Actor | null;

  /** The person it belongs to (audit trail). */
  customerId!: string;
}
