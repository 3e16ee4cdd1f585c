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
  serviceCenterId!: string | null;
}
