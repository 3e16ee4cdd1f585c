import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "One event across customers, masked: persons, handlers and matters are pseudonymous keys; no names, phones, emails, addresses or summaries." })
export class ServiceEvent {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "When it happened (ISO 8601 UTC)" }) at!: string;
  @Field(() => String, { description: "The subgraph it came from (supergraph.yaml name)" }) source!: string;
  @Field(() => String, { description: "Event type, lower case with underscores (visit_cancelled)" }) type!: string;
  @Field(() => String, { description: "A readable label derived from the type (never the event's summary)" }) label!: string;
  @Field(() => String, { description: "The customer's pseudonymous key: stable across queries and exports, per source system" }) personKey!: string;
  @Field(() => String, { description: "The matter's pseudonymous key (one matter across every party that refers to it)" }) matterKey!: string;
  @Field(() => String, { description: "What the event is about (ServiceCase, Complaint, Visit, ...)" }) matterType!: string;
  @Field(() => String, { nullable: true, description: "The acting party's organization" }) organization!: string | null;
  @Field(() => String, { nullable: true, description: "The acting person's pseudonymous key (handlers are never named)" }) actorKey!: string | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => String, { nullable: true }) tier!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) deviceModel!: string | null;
}
