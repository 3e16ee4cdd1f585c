import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context";
import { ReplacementShipment } from "../types/ReplacementShipment";
import { ServiceArrangement } from "../types/ServiceArrangement";
import { markReplacementReturned, shipAdvanceReplacement } from "../workflows/advanceReplacement";
import { arrangeServiceCenterVisit, issueReturnCertificate, sendServiceCenterSms } from "../workflows/serviceCenterArrangement";

/** S7: service-center arrangements (with the SMS and the return certificate) and advance replacements. Idempotent per key. */
@Resolver()
export class HandoverMutationResolver {
  @Mutation(() => ServiceArrangement, { description: "Arrange a visit at the maker's service center nearest the customer (or `city`) for a case (S7)." })
  async arrangeServiceCenterVisit(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("kind", () => String, { description: "RETURN_CERTIFICATE, DROP_OFF, REPAIR or PICK_UP" }) kind: string,
    @Arg("scheduledFor", () => String, { description: "ISO 8601, in the future" }) scheduledFor: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
    @Arg("city", () => String, { nullable: true, description: "Defaults to the customer's city" }) city?: string | null,
    @Arg("returnRequestNumber", () => String, { nullable: true, description: "The retailer's return this serves (RT-...)" }) returnRequestNumber?: string | null,
  ): Promise<ServiceArrangement> {
    return arrangeServiceCenterVisit(ctx, { caseNumber, kind, scheduledFor, city: city ?? null, returnRequestNumber: returnRequestNumber ?? null, idempotencyKey });
  }

  @Mutation(() => ServiceArrangement, { description: "Record the SMS with the center's address as sent; the answer shows the destination masked. Once per arrangement." })
  async sendServiceCenterSms(
    @Arg("arrangementId", () => String) arrangementId: string,
    @Arg("phone", () => String, { description: "Mobile number, any format (+86 138-0719-1234)" }) phone: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceArrangement> {
    return sendServiceCenterSms(ctx, { arrangementId, phone, idempotencyKey });
  }

  @Mutation(() => ServiceArrangement, { description: "The service center issues the return certificate the store refunds against (ARRANGED -> CERTIFICATE_ISSUED)." })
  async issueReturnCertificate(
    @Arg("arrangementId", () => String) arrangementId: string,
    @Arg("finding", () => String, { description: "What the center found, 1-1000 characters" }) finding: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceArrangement> {
    return issueReturnCertificate(ctx, { arrangementId, finding, idempotencyKey });
  }

  @Mutation(() => ReplacementShipment, { description: "Ship an advance replacement with carrier and tracking before the old unit is returned (S7)." })
  async shipAdvanceReplacement(
    @Arg("caseNumber", () => String) caseNumber: string,
    @Arg("productName", () => String) productName: string,
    @Arg("carrier", () => String) carrier: string,
    @Arg("trackingNumber", () => String) trackingNumber: string,
    @Arg("idempotencyKey", () => String) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<ReplacementShipment> {
    return shipAdvanceReplacement(ctx, { caseNumber, productName, carrier, trackingNumber, idempotencyKey });
  }

  @Mutation(() => ReplacementShipment, { description: "Mark the faulty unit of an advance replacement returned (-> RETURNED)." })
  async markReplacementReturned(@Arg("replacementId", () => String) replacementId: string, @Arg("idempotencyKey", () => String) idempotencyKey: string, @Ctx() ctx: Context): Promise<ReplacementShipment> {
    return markReplacementReturned(ctx, { replacementId, idempotencyKey });
  }
}
