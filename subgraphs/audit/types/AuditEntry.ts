import { Field, ID, ObjectType } from "type-graphql";
import { AuditOperationType, AuditOutcome } from "./enums";

@ObjectType({ description: "One operation someone ran through the gateway: who, on which customers, which fields, when, and how it ended." })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "When the gateway answered (ISO 8601, UTC)" }) at!: string;
  @Field(() => String, { description: "The gateway request this entry records" }) requestId!: string;
  @Field(() => String, { description: "Stable id of the caller (JWT sub)" }) actorSubject!: string;
  @Field(() => String, { description: "The caller's display name at the time" }) actorName!: string;
  @Field(() => String, { description: "rep, supervisor, partner, analyst or system" }) role!: string;
  @Field(() => String, { description: "The caller's organization (yougou, aolan, platform, ...)" }) organization!: string;
  @Field(() => AuditOperationType) operationType!: AuditOperationType;
  @Field(() => String, { nullable: true, description: "The client's operation name, when it gave one" }) operationName!: string | null;
  @Field(() => [String], { description: "Field paths the operation selected (e.g. customer.timeline.entries.summary); capped, a last `…` path says how many more" })
  fields!: string[];
  @Field(() => AuditOutcome) outcome!: AuditOutcome;
  @Field(() => [String], { description: "Customers' identities the answer served, as system:id (orders:RC-1001, security:u-lina); customerIds are the persons they belong to" })
  identities!: string[];
  @Field(() => String, { nullable: true, description: "A mutation's arguments as JSON, personal data masked and codes redacted; null for queries" })
  arguments!: string | null;
  @Field(() => [String], { description: "Distinct error codes of the answer (FORBIDDEN, VERIFICATION_REQUIRED, ...)" }) errorCodes!: string[];
}
