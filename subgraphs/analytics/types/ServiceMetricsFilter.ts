import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Narrows service metrics (docs/ANALYTICS.md says what each dimension applies to)." })
export class ServiceMetricsFilter {
  @Field(() => [String], { nullable: true }) sources?: string[] | null;
  @Field(() => [String], { nullable: true }) organizations?: string[] | null;
  @Field(() => [String], { nullable: true }) tiers?: string[] | null;
  @Field(() => [String], { nullable: true }) cities?: string[] | null;
  @Field(() => [String], { nullable: true }) deviceModels?: string[] | null;
  @Field(() => String, { nullable: true, description: "From this time (ISO 8601, inclusive)" }) since?: string | null;
  @Field(() => String, { nullable: true, description: "Until this time (ISO 8601, exclusive); also the 'as of' time for overdue and unanswered (default now)" }) until?: string | null;
  @Field(() => Int, { nullable: true, description: "A complaint counts as unanswered after this many days without a response (default 30)" }) unansweredDays?: number | null;
}
