import { randomBytes } from "node:crypto";
import { conflict, notFound } from "../../../common/errorCodes";
import { actorOf, assertCanWrite, forbidden, nowIso, recordEvent } from "../../kit";
import type { Context } from "../context";
import { toSurvey } from "../mappers";
import type { Survey } from "../types/Survey";
import { idempotent } from "../mutations/idempotent";
import { customerId as parseCustomerId, mintId, optionalText, surveyId as parseSurveyId } from "../mutations/validation";
import { SurveyRefusal, surveyRefusals } from "./surveyRefusal";
import { customersConfig } from "../config";
import { badInput } from "../../../common/errorCodes";

export interface RecordSurveySentInput {
  customerId: string;
  subjectType?: string | null;
  subjectId?: string | null;
  idempotencyKey: string;
}

const SUBJECT = /^[A-Za-z][A-Za-z0-9]{0,40}$/;
const SUBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,80}$/;

/**
 * S4: a survey sent by the caller's organization is recorded only when the customer may be
 * surveyed now; otherwise CONFLICT with the reason codes (OPEN_COMPLAINT, RECENT_SURVEY,
 * UNRESOLVED_MATTER) and their words in extensions. The check and the insert share the
 * transaction; concurrent sends for one customer are serialized by the survey window (a
 * conditional update of the customer's last survey time lets exactly one of racing sends land).
 */
export async function recordSurveySent(ctx: Context, input: RecordSurveySentInput): Promise<Survey> {
  const customerId = parseCustomerId(input.customerId);
  const subjectType = optionalText(input.subjectType, "subjectType", 40);
  const subjectId = optionalText(input.subjectId, "subjectId", 80);
  if (subjectType && !SUBJECT.test(subjectType)) throw badInput(`subjectType "${subjectType}" is not a type name (e.g. ServiceCase)`, { argument: "subjectType" });
  if (subjectId && !SUBJECT_ID.test(subjectId)) throw badInput(`subjectId "${subjectId}" is not an id`, { argument: "subjectId" });
  assertCanWrite(ctx.caller, "record surveys");
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "recordSurveySent", async (trx) => {
    const customer = await trx.selectFrom("customers").select("id").where("id", "=", customerId).executeTakeFirst();
    if (!customer) throw notFound(`no customer ${customerId}`, { argument: "customerId" });
    const at = nowIso();
    const refusals = await surveyRefusals(trx, customerId, new Date(at));
    if (refusals.length) {
      throw conflict(`customer ${customerId} may not be surveyed now: ${refusals.map((r) => r.reason).join("; ")}`, {
        status: "NOT_ELIGIBLE",
        reasonCodes: refusals.map((r) => r.code),
        reasons: refusals.map((r) => r.reason),
      });
    }
    // The conditional update is the race's referee: of concurrent sends for one customer,
    // one moves last_survey_at and the rest find it inside the window (RECENT_SURVEY).
    const cutoff = new Date(Date.parse(at) - customersConfig().surveyWindowDays * 86_400_000).toISOString();
    const claimed = await trx
      .updateTable("customers")
      .set({ last_survey_at: at })
      .where("id", "=", customerId)
      .where((eb) => eb.or([eb("last_survey_at", "is", null), eb("last_survey_at", "<", cutoff)]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom("surveys").select("id").where("customer_id", "=", customerId).where("sent_at", ">=", cutoff))))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      throw conflict(`customer ${customerId} was surveyed within the last ${customersConfig().surveyWindowDays} days`, { status: "NOT_ELIGIBLE", reasonCodes: [SurveyRefusal.RECENT_SURVEY], reasons: [`surveyed within the last ${customersConfig().surveyWindowDays} days`] });
    }
    const row = {
      id: mintId("SVY", at, randomBytes(3).toString("hex")),
      customer_id: customerId,
      sent_at: at,
      party: actor.organization,
      subject_type: subjectType,
      subject_id: subjectId,
      status: "SENT",
      answered_at: null,
      score: null,
      comment: null,
      sent_by_name: actor.name,
      sent_by_org: actor.organization,
    };
    await trx.insertInto("surveys").values(row).execute();
    await recordEvent(trx, {
      ownerId: customerId,
      at,
      kind: "SURVEY_SENT",
      summary: `Satisfaction survey ${row.id} sent by ${actor.name} (${actor.organization})${subjectId ? ` about ${subjectType ?? "matter"} ${subjectId}` : ""}`,
      actor,
      subjectType: "Survey",
      subjectId: row.id,
      payload: { customerId, party: actor.organization, aboutType: subjectType, aboutId: subjectId },
    });
    return toSurvey(row);
  });
}

export interface RecordSurveyAnswerInput {
  surveyId: string;
  score: number;
  comment?: string | null;
  idempotencyKey: string;
}

/** SENT -> ANSWERED, once: the customer's score (1-5) and words, recorded by the surveying organization. */
export async function recordSurveyAnswer(ctx: Context, input: RecordSurveyAnswerInput): Promise<Survey> {
  const id = parseSurveyId(input.surveyId);
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw badInput("score must be an integer from 1 to 5", { argument: "score" });
  const comment = optionalText(input.comment, "comment", 2000);
  assertCanWrite(ctx.caller, "record survey answers");
  const existing = await ctx.db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
  if (!existing) throw notFound(`survey ${id} does not exist`, { argument: "surveyId" });
  if (ctx.caller.role !== "supervisor" && existing.party !== ctx.caller.organization) {
    throw forbidden(`survey ${id} was sent by ${existing.party}; ${ctx.caller.organization} may not record its answer`, { surveyId: id });
  }
  const actor = actorOf(ctx.caller);
  return idempotent(ctx, input, "recordSurveyAnswer", async (trx) => {
    const at = nowIso();
    const updated = await trx
      .updateTable("surveys")
      .set({ status: "ANSWERED", answered_at: at, score: input.score, comment })
      .where("id", "=", id)
      .where((eb) => eb.or([eb("status", "=", "SENT"), eb("status", "is", null)]))
      .executeTakeFirst();
    const row = await trx.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    if (Number(updated.numUpdatedRows) === 0) throw conflict(`survey ${id} is ${row.status} and was already answered`, { status: row.status });
    await recordEvent(trx, {
      ownerId: row.customer_id,
      at,
      kind: "SURVEY_ANSWERED",
      summary: `Survey ${id} answered: ${input.score}/5${comment ? ` — ${comment}` : ""} (recorded by ${actor.name}, ${actor.organization})`,
      actor,
      subjectType: "Survey",
      subjectId: id,
      payload: { score: input.score },
    });
    return toSurvey(row);
  });
}
