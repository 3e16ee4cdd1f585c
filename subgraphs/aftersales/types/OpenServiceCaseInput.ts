import { Field, InputType } from "type-graphql";

@InputType({ description: "A technician visit booked with a new case." })
export class VisitRequestInput {
  @Field({ description: "ISO 8601, in the future" }) windowStart!: string;
  @Field({ description: "ISO 8601, at most 12 hours after windowStart" }) windowEnd!: string;
  @Field(() => String, { nullable: true, description: "The maker's technician (TEC-...); the visit's handler" }) technicianId?: string | null;
  @Field(() => String, { nullable: true, description: "Organization code of the field contractor that works the visit (kuaixiu); it gets a field job" }) fieldContractor?: string | null;
  @Field(() => String, { nullable: true, description: "What the technician should know, at most 300 characters" }) note?: string | null;
}

@InputType({ description: "A service case the maker opens for a registered device, optionally with a visit." })
export class OpenServiceCaseInput {
  @Field({ description: "The registered device's serial" }) serial!: string;
  @Field({ description: "The fault, at most 300 characters" }) summary!: string;
  @Field(() => String, { nullable: true, description: "PHONE (default), ONLINE, RETAILER, PROVIDER or SERVICE_CENTER" }) channel?: string | null;
  @Field(() => String, { nullable: true, description: "The retailer order (YG-...) the case comes from; the retailer becomes a party" }) orderNumber?: string | null;
  @Field(() => String, { nullable: true, description: "The maker's service center (SC-...); the technician's when omitted" }) serviceCenterId?: string | null;
  @Field(() => VisitRequestInput, { nullable: true }) visit?: VisitRequestInput | null;
  @Field({ description: "Repeating with the same key returns the same answer" }) idempotencyKey!: string;
}
