import { randomUUID } from "node:crypto";
import { badInput } from "../../../common/errorCodes";
import { nowIso, recordEvent } from "../../kit";
import type { Context } from "../context";
import { NOTE_VISIBILITIES } from "../handOverValidation";
import { assertCaseParty } from "../manageAccess";
import { toCaseNote } from "../handOverMappers";
import type { CaseNote } from "../types/CaseNote";
import { identifier, text } from "../validation";
import { caseForAction, forgetCase } from "./handOverSupport";
import { actorOf, idempotent } from "./idempotent";

export interface AddCaseNoteInput {
  caseNumber: string;
  text: string;
  visibility: string;
  idempotencyKey: string;
}

/**
 * A note on a case by any party to it. SHARED notes are read by every party; INTERNAL ones
 * only by the author's organization: the timeline (which every party reads) then says
 * that an internal note was added, never what it says, and neither does the domain event.
 */
export async function addCaseNote(ctx: Context, input: AddCaseNoteInput): Promise<CaseNote> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const body = text(input.text, "text", 2000);
  const visibility = input.visibility.trim().toUpperCase();
  if (!(NOTE_VISIBILITIES as readonly string[]).includes(visibility)) throw badInput(`visibility must be one of ${NOTE_VISIBILITIES.join(", ")}`, { argument: "visibility" });
  const actor = actorOf(ctx.caller);
  const serviceCase = await caseForAction(ctx, caseNumber);
  await assertCaseParty(ctx, serviceCase, "add notes to it");
  return idempotent(ctx, input, "addCaseNote", async (trx) => {
    const at = nowIso();
    const note = { id: `NOTE-${randomUUID()}`, case_number: caseNumber, owner_id: serviceCase.owner_id, body, visibility, author_name: actor.name, author_role: actor.role ?? null, author_org: actor.organization, created_at: at };
    await trx.insertInto("case_notes").values(note).execute();
    await recordEvent(trx, {
      ownerId: serviceCase.owner_id,
      at,
      kind: "CASE_NOTE_ADDED",
      summary:
        visibility === "SHARED"
          ? `Note on case ${caseNumber} by ${actor.name} (${actor.organization}), shared with every party: ${body}`
          : `Internal note on case ${caseNumber} by ${actor.name} (${actor.organization}), readable by ${actor.organization} only`,
      actor,
      subjectType: "ServiceCase",
      subjectId: caseNumber,
      payload: { caseNumber, noteId: note.id, visibility },
    });
    forgetCase(ctx, caseNumber);
    return toCaseNote(note);
  });
}
