import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "number")')
@ObjectType({ description: "A maker's after-sales case, shared by every party working on it (retailer, provider, maker, field service)." })
export class ServiceCase {
  @Field(() => ID, { description: "CS-..." }) number!: string;
  @Field({ description: "Maker organization code: aolan, xinghai, hengtong, lenovo, huawei" }) maker!: string;
  @Field({ description: "OPEN, SCHEDULED, ESCALATED, RESOLVED or CLOSED" }) status!: string;
  @Field({ description: "How it reached the maker: PHONE, ONLINE, RETAILER, PROVIDER, SERVICE_CENTER" }) channel!: string;
  @Field() summary!: string;
  @Field() openedAt!: string;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => String, { nullable: true, description: "CUSTOMER, TECHNICIAN, REMOTE_SUPPORT, EXPERT" }) resolvedBy!: string | null;
  @Field({ description: "LOW, NORMAL, HIGH, URGENT" }) priority!: string;
  @Field({ description: "Escalation tier now: L1 (first line), L2 (expert), L3 (engineering)" }) tier!: string;
  /** Keys the field resolvers follow; not part of the schema. */
  ownerId!: string;
  serial!: string | null;
  orderNumber!: string | null;
  serviceCenterId!: string | null;
}
