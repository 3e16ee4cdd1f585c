import { Directive, Field, Int, ObjectType } from "type-graphql";
import { OpenMatter } from "../../kit";

@ObjectType({ description: "May we send this customer a satisfaction survey now? (S4)" })
export class SurveyEligibility {
  @Field() eligible!: boolean;
  @Field(() => [String], { description: "Why not, in words a rep can repeat" }) reasons!: string[];
}

@ObjectType({ description: "Every open matter of the customer, from every system, overdue first." })
export class OpenMattersResult {
  @Field(() => [OpenMatter]) matters!: OpenMatter[];
  @Field(() => Int) count!: number;
  @Field(() => Int) overdueCount!: number;
  @Field(() => [String], { description: "Sources that did not answer: their matters are absent" }) missingSources!: string[];
  @Field(() => SurveyEligibility) surveyEligibility!: SurveyEligibility;
}

@Directive('@key(fields: "key")')
@ObjectType({ description: "A customer's open matters. Select `result` for the merged list." })
export class OpenMattersView {
  @Field({ description: "Encodes the query; opaque to clients" }) key!: string;

  @Field(() => OpenMattersResult)
  result!: OpenMattersResult;
}
