import { Field, ObjectType } from "type-graphql";
import { ServiceEvent } from "./ServiceEvent";

@ObjectType({ description: "A page of service history across customers, newest first." })
export class ServiceHistoryPage {
  @Field(() => [ServiceEvent]) events!: ServiceEvent[];
  @Field(() => Boolean, { description: "More (older) events follow; pass endCursor as `after`" }) hasMore!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the last event on this page; null when the page is empty" }) endCursor!: string | null;
}
