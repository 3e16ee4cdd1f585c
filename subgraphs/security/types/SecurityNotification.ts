import { Field, ID, ObjectType } from "type-graphql";
import { SecurityNotificationDeliveryStatus, SecurityNotificationChannel } from "./enums";

@ObjectType({ description: "A security message the platform really sent (S2: was that SMS ours?)." })
export class SecurityNotification {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "When it was sent (ISO 8601)" }) at!: string;
  @Field(() => SecurityNotificationChannel) channel!: SecurityNotificationChannel;
  @Field(() => String, { description: "Template code, e.g. ACCOUNT_LOCKED" }) templateCode!: string;
  @Field(() => String, { description: 'What it said, e.g. "login locked after 5 wrong passwords"' }) text!: string;
  @Field(() => String, { description: "Where it went, masked: 139****5678, l***@example.cn" }) maskedDestination!: string;
  @Field(() => SecurityNotificationDeliveryStatus) deliveryStatus!: SecurityNotificationDeliveryStatus;
}
