import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../../common/errorCodes";
import { checkPageSize, isPartner, maskPhoneFor, normalizePhone, ownsOrNotPartner } from "../../kit";
import type { Context } from "../context";
import { beforeYouCallLines } from "../beforeYouCallFacts";
import { toComplaint, toContact, toCustomer } from "../mappers";
import { Complaint } from "../types/Complaint";
import { ContactAttempt } from "../types/ContactAttempt";
import { Customer } from "../types/Customer";
import { IdentityLink } from "../types/IdentityLink";
import { PartyContact } from "../types/PartyContact";
import { Phone } from "../types/Phone";
import { BillingAccount, MakerCustomer, RetailerCustomer, SecurityLogin } from "../types/systemReferences";

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export { checkPageSize };

/**
 * Partners see a customer's name and city, not their other relationships: billing holds
 * nothing for them and security detail is gated by verification, so those identities are
 * not even listed. Orders and aftersales identities stay: those subgraphs show a partner
 * its own organization's records behind them.
 */
const HIDDEN_FROM_PARTNERS = new Set(["billing", "security"]);

function mayFollow(ctx: Context, system: string): boolean {
  return !(isPartner(ctx.caller) && HIDDEN_FROM_PARTNERS.has(system));
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: "A customer by id; null when unknown." })
  async customer(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Customer | null> {
    if (!CUSTOMER_ID.test(id)) throw badInput(`"${id}" is not a customer id`, { argument: "id" });
    const row = await ctx.loaders.customer.load(id);
    if (row) ctx.servedCustomerIds.add(row.id);
    return row ? toCustomer(row, ctx.caller) : null;
  }

  @Query(() => [Customer], { description: "Customers with this phone number (any format: +86 138-0719-1234, 13807191234). Several for a shared home phone." })
  async customersByPhone(@Arg("phone") phone: string, @Ctx() ctx: Context): Promise<Customer[]> {
    const normalized = normalizePhone(phone);
    if (!normalized) throw badInput(`"${phone}" is not a phone number`, { argument: "phone" });
    const rows = await ctx.db
      .selectFrom("customer_phones")
      .innerJoin("customers", "customers.id", "customer_phones.customer_id")
      .selectAll("customers")
      .where("customer_phones.phone", "=", normalized)
      .where("customers.merged_into", "is", null)
      .orderBy("customers.id")
      .execute();
    for (const row of rows) ctx.servedCustomerIds.add(row.id);
    return rows.map((row) => toCustomer(row, ctx.caller));
  }

  @FieldResolver(() => [Phone])
  async phones(@Root() customer: Customer, @Ctx() ctx: Context): Promise<Phone[]> {
    return (await ctx.loaders.phones.load(customer.id)).map((row) => ({ number: maskPhoneFor(ctx.caller, row.phone), label: row.label }));
  }

  @FieldResolver(() => [IdentityLink], { description: "The customer's identity in every system" })
  async identities(@Root() customer: Customer, @Ctx() ctx: Context): Promise<IdentityLink[]> {
    const links = (await ctx.loaders.links.load(customer.id)).filter((link) => mayFollow(ctx, link.system));
    return links.map((row) => ({ system: row.system, externalId: row.external_id, role: row.role }));
  }

  @FieldResolver(() => [RetailerCustomer])
  async retailerAccounts(@Root() customer: Customer, @Ctx() ctx: Context): Promise<RetailerCustomer[]> {
    return this.linked(customer, ctx, "orders", (id) => ({ id }));
  }

  @FieldResolver(() => [MakerCustomer])
  async makerRegistrations(@Root() customer: Customer, @Ctx() ctx: Context): Promise<MakerCustomer[]> {
    return this.linked(customer, ctx, "aftersales", (id) => ({ id }));
  }

  @FieldResolver(() => [BillingAccount])
  async billingAccounts(@Root() customer: Customer, @Ctx() ctx: Context): Promise<BillingAccount[]> {
    return this.linked(customer, ctx, "billing", (number) => ({ number }));
  }

  @FieldResolver(() => [SecurityLogin])
  async securityLogins(@Root() customer: Customer, @Ctx() ctx: Context): Promise<SecurityLogin[]> {
    return this.linked(customer, ctx, "security", (id) => ({ id }));
  }

  @FieldResolver(() => [ContactAttempt], { description: "The shared contact log, newest first" })
  async contacts(
    @Root() customer: Customer,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<ContactAttempt[]> {
    // A partner sees only its own contacts with the customer: the page may then hold fewer than `first`.
    const rows = await ctx.loaders.contacts(checkPageSize(first)).load(customer.id);
    return rows.filter((row) => ownsOrNotPartner(ctx.caller, row.party)).map((row) => toContact(row, ctx.caller));
  }

  @FieldResolver(() => [PartyContact], { description: "Before you call: the latest contact with each party (S5)" })
  async beforeYouCall(@Root() customer: Customer, @Ctx() ctx: Context): Promise<PartyContact[]> {
    const latest = (await ctx.loaders.latestContactPerParty.load(customer.id)).filter((row) => ownsOrNotPartner(ctx.caller, row.party));
    return beforeYouCallLines(ctx, customer.id, latest);
  }

  @FieldResolver(() => [Complaint])
  async complaints(@Root() customer: Customer, @Ctx() ctx: Context): Promise<Complaint[]> {
    const complaints = await ctx.loaders.complaints.load(customer.id);
    return complaints.filter((row) => ownsOrNotPartner(ctx.caller, row.against_org)).map((row) => toComplaint(row));
  }

  private async linked<T>(customer: Customer, ctx: Context, system: string, toRef: (externalId: string) => T): Promise<T[]> {
    if (!mayFollow(ctx, system)) return [];
    const links = await ctx.loaders.links.load(customer.id);
    return links.filter((link) => link.system === system).map((link) => toRef(link.external_id));
  }
}
