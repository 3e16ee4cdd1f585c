import { Field, ID, ObjectType } from "type-graphql";
import { Actor } from "../../kit";

@ObjectType({ description: 'Something arranged with a service center, e.g. "return certificate at center X on date" (S7).' })
export class ServiceArrangement {
  @Field(() => ID) id!: string;
  @Field({ description: "RETURN_CERTIFICATE, DROP_OFF, ..." }) kind!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) scheduledFor!: string | null;
  @Field() arrangedAt!: string;
  @Field(() => Actor) arrangedBy!: Actor;
  @Field(() => String, { nullable: true, description: "When the center's address was sent by SMS" }) smsSentAt!: string | null;
  @Field(() => String, { nullable: true, description: "Masked number the SMS went to" }) smsTo!: string | null;
  @Field({ description: "ARRANGED, CERTIFICATE_ISSUED, COMPLETED or CANCELLED" }) status!: string;
  @Field(() => String, { nullable: true, description: "The service case it is for" }) caseNumber!: string | null;
  @Field(() => String, { nullable: true, description: "Return certificate issued by the center (RETURN_CERTIFICATE)" }) certificateNumber!: string | null;
  @Field(() => String, { nullable: true }) certificateIssuedAt!: string | null;
  @Field(() => String, { nullable: true, description: "The retailer's return request the arrangement serves (RT-...)" }) returnRequestNumber!: string | null;
  @Field(() => String, { nullable: true, description: "The SMS as sent (the center's name, address and time)" }) smsText!: string | null;
  serviceCenterId!: string | null;
  /** The maker registration of the case (audit trail); set when known. */
  ownerId?: string;
}
