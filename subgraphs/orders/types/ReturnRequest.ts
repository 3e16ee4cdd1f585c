import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ReturnRequestType } from "./ReturnRequestType";

@Directive('@key(fields: "number")')
@ObjectType({ description: "A return, refund or repair request on an order (RT-0001)." })
export class ReturnRequest {
  @Field(() => ID) number!: string;
  @Field(() => ReturnRequestType) type!: ReturnRequestType;
  @Field({ description: "e.g. WAITING_AFTERSALES_TECHNICIAN, CERTIFICATE_REQUIRED, REFUNDED, CLOSED" }) status!: string;
  @Field() reason!: string;
  @Field() openedAt!: string;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => String, { nullable: true, description: "What the customer must do next, in plain words" }) nextStep!: string | null;
  @Field({ description: "Organization that has to act next (yougou, aolan, huawei, ...)" }) handlingParty!: string;
  @Field(() => Int, { nullable: true, description: "Refund due or paid, in fen" }) refundFen!: number | null;
  @Field(() => Int, { description: "The order line it is about" }) lineNo!: number;

  @Field(() => String, { nullable: true, description: "The maker's return certificate the store refunded against (RC-HUAWEI-...): the maker's step of a return spanning store and maker (S7)" }) makerCertificateNumber!: string | null;
  @Field(() => String, { nullable: true, description: "The maker's service case behind the return" }) makerCaseNumber!: string | null;
  @Field(() => String, { nullable: true }) refundedAt!: string | null;
  @Field(() => String, { nullable: true, description: "Who paid the refund (name and organization)" }) refundedBy!: string | null;

  orderNumber!: string;
  customerId!: string;
  storeId!: string | null;
  /** Matter kind used for handlers and promises: REPAIR_REQUEST or RETURN. */
  matterKind!: string;
}
