import { Directive, Field, ID, ObjectType } from "type-graphql";
import { TechnicianPosition } from "./TechnicianPosition";

/**
 * The contractor's job for a maker's visit (S1, S5): the technician who actually comes,
 * how to reach them, where they are and when they arrive. `notes` is a field resolver.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "快修到家 Kuaixiu Home Service's job for a maker's technician visit (org `kuaixiu`)." })
export class FieldJob {
  @Field(() => ID, { description: "Job id, e.g. FJ-KX-0001" }) id!: string;
  @Field(() => ID, { description: "The maker's visit this job carries out (Visit.id)" }) visitId!: string;
  @Field(() => String, { description: "Organization code of the maker it works for (aolan, hengtong, ...)" }) makerOrganization!: string;
  @Field(() => String, { description: "ASSIGNED, EN_ROUTE, ON_SITE, COMPLETED or CANCELLED" }) status!: string;
  @Field(() => String, { description: "The technician who comes, e.g. 赵刚 Zhao Gang" }) technicianName!: string;
  @Field(() => String, { description: "The technician's mobile, reachable directly (S1: the technician nobody could reach)" }) technicianPhone!: string;
  @Field(() => TechnicianPosition, { nullable: true, description: "Last reported position; null before the technician sets off" }) position!: TechnicianPosition | null;
  @Field(() => String, { nullable: true, description: "Expected arrival (ISO 8601); null when not planned yet or cancelled" }) eta!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
  /** The maker registration (aftersales MR-...) the job is for (not in the schema): its owner for the audit trail. */
  ownerId!: string;
}
