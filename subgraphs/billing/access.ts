import type { MiddlewareFn } from "type-graphql";
import type { Caller } from "../../common/caller";
import { assertCanRead, forbidden, isPartner } from "../kit";

/*
 * Billing holds nothing for partners (policy table: kit/authorization.ts): a maker or a
 * field contractor has no business with a customer's bills, lines or payments. Every root
 * field, every field of every billing object and every `_entities` lookup refuses them;
 * their customer-360 contributions are empty. Analysts read with personal data masked.
 */

export function assertMayReadBilling(caller: Caller): void {
  assertCanRead(caller);
  if (isPartner(caller)) throw forbidden(`billing detail is not shared with partners (${caller.organization}): ask the operator's rep`, { role: caller.role });
}

export const denyPartners: MiddlewareFn<{ caller: Caller }> = ({ context }, next) => {
  assertMayReadBilling(context.caller);
  return next();
};
