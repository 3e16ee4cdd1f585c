import { Field, Float, Int, ObjectType } from "type-graphql";
import { HoursQuantiles } from "./HoursQuantiles";

@ObjectType({ description: "Service metrics for one group; every definition is in docs/ANALYTICS.md." })
export class ServiceMetricsRow {
  @Field(() => String, { description: "The group's value (an organization, source, tier, city, device model or YYYY-MM-DD); (none) when unknown" }) group!: string;
  @Field(() => Int, { description: "Matters opened in the range" }) mattersOpened!: number;
  @Field(() => Int, { description: "Of those, resolved by the range's end" }) mattersResolved!: number;
  @Field(() => HoursQuantiles, { nullable: true, description: "Opening to first response by a party" }) firstResponseHours!: HoursQuantiles | null;
  @Field(() => HoursQuantiles, { nullable: true, description: "Opening to resolution" }) resolutionHours!: HoursQuantiles | null;
  @Field(() => Float, { nullable: true, description: "Share of opened matters escalated (0-1)" }) escalationRate!: number | null;
  @Field(() => Float, { nullable: true }) handoffsPerMatter!: number | null;
  @Field(() => Float, { nullable: true, description: "Distinct organizations acting on a matter, the customer not counted" }) partiesPerMatter!: number | null;
  @Field(() => Int, { description: "Complaints opened in the range, without a response and unresolved after unansweredDays (S4)" }) complaintsUnanswered!: number;
  @Field(() => Int, { description: "Contacts with the customer on a matter after it was resolved (S5)" }) repeatContactsAfterResolution!: number;
  @Field(() => Int, { description: "Promises made in the range not kept by their due time (S4)" }) overduePromises!: number;
  @Field(() => Float, { nullable: true, description: "Average days late of the overdue promises" }) averageDaysLate!: number | null;
  @Field(() => Float, { nullable: true }) maxDaysLate!: number | null;
  @Field(() => Int, { description: "Surveys sent while the same customer had a complaint open (S4)" }) surveysDuringOpenComplaint!: number;
  @Field(() => Int, { description: "Identity verifications failed or requests refused for lack of one (S2/S6)" }) verificationsRefused!: number;
}
