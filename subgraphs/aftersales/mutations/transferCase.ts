import { randomUUID } from "node:crypto";
import { conflict } from "../../../common/errorCodes";
import { assignHandler, nowIso } from "../../kit";
import { currentState, moveCase, OwnershipState, owningOrgOf, queueHandler } from "../caseOwnership";
import { MatterKind } from "../caseStatus";
import type { Context } from "../context";
import { CASE_ORGANIZATIONS, knownOrganization } from "../organizations";
import type { ServiceCase } from "../types/ServiceCase";
import { identifier, text } from "../validation";
import { answerCase } from "./handOverSupport";
import { actOnCase, recordCaseEvent } from "./caseAction";
import { actorOf } from "./idempotent";

export interface TransferCaseInput {
  caseNumber: string;
  toOrganization: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * S5: provider -> maker -> repair department. The organization handling the case hands it
 * to another one with a reason: the receiver becomes a party and the handler (its queue at
 * the case's tier, QUEUED), the sender stays a party (it keeps reading the case, its
 * history and its shared notes) but no longer acts as its owner. Transfers from the same
 * case at the same time: one wins, the rest are CONFLICT (the case moved meanwhile).
 */
export async function transferCase(ctx: Context, input: TransferCaseInput): Promise<ServiceCase> {
  const caseNumber = identifier(input.caseNumber, "caseNumber", "caseNumber");
  const toOrganization = knownOrganization(input.toOrganization, "toOrganization");
  const reason = text(input.reason, "reason");
  const actor = actorOf(ctx.caller);
  return actOnCase(ctx, input, caseNumber, { operation: "transferCase", may: "transfer cases", from: [OwnershipState.QUEUED, OwnershipState.ASSIGNED, OwnershipState.ESCALATED], doing: "transfer it" }, async (trx, row) => {
    const from = owningOrgOf(row);
    if (from === toOrganization) throw conflict(`service case ${caseNumber} is already handled by ${toOrganization}`, currentState(row));
    const at = nowIso();
    const moved = await moveCase(trx, row, { owning_org: toOrganization, ownership_state: OwnershipState.QUEUED }, "transfer it");
    const parties = await trx.selectFrom("case_parties").select("organization").where("case_number", "=", caseNumber).execute();
    for (const organization of [from, toOrganization]) {
      if (parties.some((party) => party.organization === organization)) continue;
      const known = CASE_ORGANIZATIONS[organization];
      await trx.insertInto("case_parties").values({ id: `PTY-${randomUUID()}`, case_number: caseNumber, organization, name: known?.name ?? organization, role: known?.role ?? "PARTY", phone: null, joined_at: at }).execute();
    }
    await trx.insertInto("case_transfers").values({ id: `TRF-${randomUUID()}`, case_number: caseNumber, from_org: from, to_org: toOrganization, reason, by_name: actor.name, by_org: actor.organization, at }).execute();
    const queue = queueHandler(toOrganization, moved.tier);
    await assignHandler(trx, { kind: MatterKind.SERVICE_CASE, id: caseNumber }, queue, at, `transferred ${from} -> ${toOrganization}: ${reason}`);
    await recordCaseEvent(trx, moved, {
      at,
      kind: "CASE_TRANSFERRED",
      summary: `Case ${caseNumber} transferred from ${from} to ${toOrganization} by ${actor.name} (${actor.organization}): ${reason}; waiting in the ${queue.name}`,
      actor,
      payload: { caseNumber, fromOrganization: from, toOrganization, reason },
    });
    return answerCase(ctx, moved);
  });
}
