import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

/*
 * The value types every subgraph shares to answer the single question ("who is handling
 * it, and what happened"). They are @shareable and identical in every subgraph because
 * they all come from this one file.
 */

@Directive("@shareable")
@ObjectType({ description: "Who did something: a person or system, for which organization." })
export class Actor {
  @Field() name!: string;
  @Field({ nullable: true, description: "rep, supervisor, technician, customer, system, ..." }) role?: string;
  @Field({ description: "Organization code: yougou, aolan, unicom, ... (docs/STORY_DATA.md)" }) organization!: string;
  @Field({ nullable: true }) team?: string;
}

@Directive("@shareable")
@ObjectType({ description: "Who is handling a matter now, and how to reach them." })
export class Handler {
  @Field() name!: string;
  @Field({ nullable: true }) team?: string;
  @Field() organization!: string;
  @Field({ nullable: true, description: "Escalation tier: L1 (first line), L2 (expert), L3 (engineering)." }) tier?: string;
  @Field({ nullable: true }) phone?: string;
  @Field({ nullable: true, description: "When they can be reached, e.g. 09:00-18:00 Mon-Sat" }) hours?: string;
  @Field({ description: "Handling it since (ISO 8601)" }) since!: string;
}

@Directive("@shareable")
@ObjectType({ description: "A handoff of a matter from one handler to the next." })
export class Handoff {
  @Field(() => Handler, { nullable: true }) from?: Handler | null;
  @Field(() => Handler) to!: Handler;
  @Field() at!: string;
  @Field({ nullable: true }) reason?: string;
}

@Directive("@shareable")
@ObjectType({ description: "A promise made to the customer (callback, reply, follow-up) with a due time." })
export class Commitment {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field() dueAt!: string;
  @Field(() => Actor, { nullable: true }) madeBy?: Actor | null;
  @Field({ description: "OPEN, KEPT, BROKEN or CANCELLED" }) status!: string;
  @Field({ nullable: true }) keptAt?: string;
  @Field({ description: "Open and past its due time" }) overdue!: boolean;
  @Field(() => Int, { description: "Minutes past due (0 when not overdue)" }) overdueMinutes!: number;
  @Field({ nullable: true, description: 'Human form, e.g. "55 days late"' }) overdueText?: string;
}

@Directive("@shareable")
@ObjectType({ description: "An open matter (return, service case, visit, dispute, lockout, complaint, ...)." })
export class OpenMatter {
  @Field(() => ID, { description: "Globally unique: source:kind:id" }) id!: string;
  @Field({ description: "Subgraph that owns it: orders, aftersales, billing, security, customers, ..." }) source!: string;
  @Field() kind!: string;
  @Field() title!: string;
  @Field() status!: string;
  @Field() openedAt!: string;
  @Field({ nullable: true }) priority?: string;
  @Field({ description: "Type of the record behind it: Order, ServiceCase, Visit, BillingAccount, ..." }) subjectType!: string;
  @Field({ description: "Its id/number; expand it through the graph (order(number:), serviceCase(number:), ...)" }) subjectId!: string;
  @Field(() => Handler, { nullable: true, description: "Who is handling it now" }) handler?: Handler | null;
  @Field(() => [Handoff]) handoffs!: Handoff[];
  @Field(() => [Commitment]) promises!: Commitment[];
  @Field({ description: "When the SLA for this kind of matter runs out" }) dueAt!: string;
  @Field({ description: "SLA passed, or a promise on it is overdue" }) overdue!: boolean;
  @Field({ description: "True when the caller may not see this matter's detail: kind, status and times stay, the title says what to do (see redactedReason)" })
  redacted!: boolean;
  @Field(() => String, { nullable: true, description: "Why it is redacted, as an error code: VERIFICATION_REQUIRED (verify the customer's identity for this login first); null when not redacted" })
  redactedReason?: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "One entry of a customer's merged timeline." })
export class TimelineEvent {
  @Field(() => ID, { description: "Globally unique: source:local id" }) id!: string;
  @Field({ description: "When it happened (ISO 8601, UTC)" }) at!: string;
  @Field() source!: string;
  @Field() kind!: string;
  @Field() summary!: string;
  @Field(() => Actor, { nullable: true }) actor?: Actor | null;
  @Field() subjectType!: string;
  @Field() subjectId!: string;
  @Field({ description: "Pass as `after` to continue after this entry" }) cursor!: string;
  @Field({ description: "True when the caller may not see this entry's detail: kind and time stay, the summary says what to do (see redactedReason)" })
  redacted!: boolean;
  @Field(() => String, { nullable: true, description: "Why it is redacted, as an error code: VERIFICATION_REQUIRED (verify the customer's identity for this login first); null when not redacted" })
  redactedReason?: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "An identity in one system that an identifier matched." })
export class IdentityRef {
  @Field({ description: "System (subgraph) name" }) system!: string;
  @Field({ description: "The customer's id in that system" }) externalId!: string;
  @Field({ description: "What matched: order, case, serial, account, line, login, ..." }) matchedBy!: string;
}
