import { Directive, Field, InputType } from "type-graphql";
import { AuditOperationType, AuditOutcome } from "./enums";

/** What the gateway writes per operation. Hidden from the client API (only the gateway writes, straight to this subgraph). */
@Directive("@inaccessible")
@InputType({ description: "One audit entry as the gateway records it" })
export class AuditEntryInput {
  @Field(() => String, { description: "Unique id chosen by the gateway; recording the same id again changes nothing" }) id!: string;
  @Field(() => String, { description: "ISO 8601" }) at!: string;
  @Field(() => String) requestId!: string;
  @Field(() => String) actorSubject!: string;
  @Field(() => String) actorName!: string;
  @Field(() => String) role!: string;
  @Field(() => String) organization!: string;
  @Field(() => AuditOperationType) operationType!: AuditOperationType;
  @Field(() => String, { nullable: true }) operationName?: string | null;
  @Field(() => [String]) fields!: string[];
  @Field(() => [String]) customerIds!: string[];
  @Field(() => AuditOutcome) outcome!: AuditOutcome;
  @Field(() => [String]) errorCodes!: string[];
  @Field(() => [String], { nullable: true, description: "Identities served, system:id" }) identities?: string[] | null;
  @Field(() => String, { nullable: true, description: "A mutation's masked arguments as JSON" }) arguments?: string | null;
}
