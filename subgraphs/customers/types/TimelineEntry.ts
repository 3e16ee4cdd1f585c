import { Field, ObjectType } from "type-graphql";
import { TimelineEvent } from "../../kit";
import { TimelineSubject } from "./TimelineSubject";

@ObjectType({ description: "One entry of the merged timeline; `subject` expands what it is about." })
export class TimelineEntry extends TimelineEvent {
  @Field(() => TimelineSubject, { nullable: true }) subject?: typeof TimelineSubject | null;
}
