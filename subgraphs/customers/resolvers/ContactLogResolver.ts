import { randomUUID } from "node:crypto";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { badInput, notFound } from "../../../common/errorCodes";
import { assertCanWrite, forbidden, isPartner, nowIso, recordEvent, withIdempotency } from "../../kit";
import type { Context } from "../context";
import { toContact } from "../mappers";
import { ContactAttempt } from "../types/ContactAttempt";
import { ContactLogInput } from "../types/ContactLogInput";

const CHANNELS = ["PHONE", "SMS", "APP", "EMAIL", "VISIT"];
const DIRECTIONS = ["OUTBOUND", "INBOUND"];
const OUTCOMES = ["REACHED", "NO_ANSWER", "BUSY", "TOLD_RESOLVED", "CALLBACK_PROMISED", "LEFT_MESSAGE", "WRONG_NUMBER"];

function oneOf(value: string, allowed: string[], argument: string): string {
  const upper = value.trim().toUpperCase();
  if (!allowed.includes(upper)) throw badInput(`${argument} must be one of ${allowed.join(", ")}, got "${value}"`, { argument });
  return upper;
}

@Resolver()
export class ContactLogResolver {
  @Mutation(() => ContactAttempt, { description: "Log a contact attempt in the shared contact log every party sees. Idempotent per key." })
  async logContact(@Arg("input", () => ContactLogInput) input: ContactLogInput, @Arg("idempotencyKey") idempotencyKey: string, @Ctx() ctx: Context): Promise<ContactAttempt> {
    const channel = oneOf(input.channel, CHANNELS, "channel");
    const direction = oneOf(input.direction, DIRECTIONS, "direction");
    const outcome = oneOf(input.outcome, OUTCOMES, "outcome");
    const party = input.party.trim().toLowerCase();
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(party)) throw badInput(`party must be an organization code, got "${input.party}"`, { argument: "party" });
    if ((input.note?.length ?? 0) > 2000) throw badInput("note is longer than 2000 characters", { argument: "note" });
    assertCanWrite(ctx.caller, "log contacts");
    if (isPartner(ctx.caller) && party !== ctx.caller.organization) {
      throw forbidden(`a partner logs only its own contacts: party must be ${ctx.caller.organization}, got ${party}`, { argument: "party" });
    }

    return withIdempotency(ctx.db, { subject: ctx.caller.subject, key: idempotencyKey, operation: "logContact", args: { input } }, async (trx) => {
      const customer = await trx.selectFrom("customers").select("id").where("id", "=", input.customerId).executeTakeFirst();
      if (!customer) throw notFound(`no customer ${input.customerId}`);
      const row = {
        id: randomUUID(),
        customer_id: customer.id,
        at: nowIso(),
        party,
        channel,
        direction,
        outcome,
        note: input.note ?? null,
        by_name: ctx.caller.name,
        by_org: ctx.caller.organization,
        subject_type: input.subjectType ?? null,
        subject_id: input.subjectId ?? null,
      };
      await trx.insertInto("contacts").values(row).execute();
      const who = direction === "INBOUND" ? `Customer contacted ${party}` : `${party} contacted the customer`;
      await recordEvent(trx, {
        ownerId: customer.id,
        at: row.at,
        kind: "CONTACT_LOGGED",
        summary: `${who} by ${channel.toLowerCase()}: ${outcome.toLowerCase().replace(/_/g, " ")}${row.note ? ` — ${row.note}` : ""}`,
        actor: { name: ctx.caller.name, role: ctx.caller.role, organization: ctx.caller.organization },
        subjectType: row.subject_type ?? "Customer",
        subjectId: row.subject_id ?? customer.id,
      });
      return toContact(row);
    });
  }
}
