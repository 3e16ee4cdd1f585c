import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A technician's on-site visit for a service case." })
export class Visit {
  @Field(() => ID) id!: string;
  @Field() windowStart!: string;
  @Field() windowEnd!: string;
  @Field({ description: "SCHEDULED, CANCELLED, COMPLETED or RESCHEDULED (see rescheduledTo)" }) status!: string;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Actor, { nullable: true }) cancelledBy!: Actor | null;
  @Field(() => String, { nullable: true }) cancelledAt!: string | null;
  @Field(() => ID, { nullable: true, description: "The visit this one replaced" }) rescheduledFrom!: string | null;
  @Field(() => ID, { nullable: true, description: "The visit that replaced this one" }) rescheduledTo!: string | null;
  caseNumber!: string;
  /** The maker registration the visit is for (not in the schema): its owner for the audit trail. */
  ownerId!: string;
  technicianId!: string | null;
  serviceCenterId!: string | null;
}
