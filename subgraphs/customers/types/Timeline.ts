import { Directive, Field, ObjectType } from "type-graphql";
import { TimelineEntry } from "./TimelineEntry";

@ObjectType({ description: "Where this page ends." })
export class TimelinePageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next (older) page" }) endCursor?: string | null;
}

@ObjectType({ description: "One page of the customer's merged timeline, newest first." })
export class TimelineResult {
  @Field(() => [TimelineEntry]) entries!: TimelineEntry[];
  @Field(() => TimelinePageInfo) pageInfo!: TimelinePageInfo;
  @Field(() => [String], { description: "Sources asked for but unavailable: their events are absent from this page" }) missingSources!: string[];
  @Field(() => [String], { description: "Sources this page merged" }) sources!: string[];
}

/**
 * A timeline page as an entity whose key carries the page parameters and the customer's
 * ids per system (kit queryKeys.ts): the planner fetches every source's slice in parallel,
 * then hands them all to `result` here in one call.
 */
@Directive('@key(fields: "key")')
@ObjectType({ description: "A customer's timeline query. Select `result` for the merged page." })
export class Timeline {
  @Field({ description: "Encodes the query; opaque to clients" }) key!: string;

  @Field(() => TimelineResult, { description: "The merged page" })
  result!: TimelineResult;
}
