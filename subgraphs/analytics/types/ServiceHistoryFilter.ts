import { Field, InputType } from "type-graphql";

@InputType({ description: "Narrows service history; every list means any of its values, omitted means all." })
export class ServiceHistoryFilter {
  @Field(() => [String], { nullable: true, description: "Source subgraphs (aftersales, billing, ...)" }) sources?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Event types (visit_cancelled or visit.cancelled)" }) kinds?: string[] | null;
  @Field(() => [String], { nullable: true }) organizations?: string[] | null;
  @Field(() => [String], { nullable: true }) tiers?: string[] | null;
  @Field(() => [String], { nullable: true }) cities?: string[] | null;
  @Field(() => [String], { nullable: true }) deviceModels?: string[] | null;
  @Field(() => String, { nullable: true, description: "From this time (ISO 8601, inclusive)" }) since?: string | null;
  @Field(() => String, { nullable: true, description: "Until this time (ISO 8601, exclusive)" }) until?: string | null;
}
