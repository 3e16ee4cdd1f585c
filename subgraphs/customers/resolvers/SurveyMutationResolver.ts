import { Arg, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { recordSurveyAnswer, recordSurveySent } from "../survey/recordSurvey";
import { Survey } from "../types/Survey";

/** S4: surveys only when the customer may be surveyed; the refusal says why, as codes. */
@Resolver(() => Survey)
export class SurveyMutationResolver {
  @Mutation(() => Survey, {
    description: "Record a satisfaction survey sent by the caller's organization. CONFLICT with extensions.reasonCodes (OPEN_COMPLAINT, RECENT_SURVEY, UNRESOLVED_MATTER) when the customer may not be surveyed now.",
  })
  async recordSurveySent(
    @Arg("customerId", () => String) customerId: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("subjectType", () => String, { nullable: true, description: "What the survey is about, e.g. ServiceCase" }) subjectType?: string | null,
    @Arg("subjectId", () => String, { nullable: true }) subjectId?: string | null,
  ): Promise<Survey> {
    return recordSurveySent(ctx, { customerId, subjectType: subjectType ?? null, subjectId: subjectId ?? null, idempotencyKey });
  }

  @Mutation(() => Survey, { description: "Record the customer's answer to a SENT survey (score 1-5); CONFLICT when already answered." })
  async recordSurveyAnswer(
    @Arg("surveyId", () => String) surveyId: string,
    @Arg("score", () => Int) score: number,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("comment", () => String, { nullable: true }) comment?: string | null,
  ): Promise<Survey> {
    return recordSurveyAnswer(ctx, { surveyId, score, comment: comment ?? null, idempotencyKey });
  }
}
