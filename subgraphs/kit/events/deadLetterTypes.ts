import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

/*
 * The GraphQL shape of a consumer's dead letters (deadLetters.ts), shared by every subgraph
 * that declares reactions (each adds its own `<subgraph>DeadLetters` root fields,
 * deadLetterFields.ts). They are @shareable and identical in each subgraph because they all
 * come from this one file, so they compose however many subgraphs have reactions.
 */

@Directive("@shareable")
@ObjectType({ description: "An event a consumer (reaction) could not apply after its attempts; kept in the consumer's subgraph until replayed." })
export class DeadLetter {
  @Field(() => ID, { description: "The dead letter's id: pass it to replay<Subgraph>DeadLetter" }) id!: string;
  @Field({ description: 'The reaction that failed: "<subgraph>.<what-it-does>", e.g. fieldservice.job-follows-visit' }) consumer!: string;
  @Field(() => ID, { description: "The event's id (the timeline entry's id in its source)" }) eventId!: string;
  @Field({ description: "The event's catalogue type without its source, e.g. visit.cancelled" }) eventType!: string;
  @Field({ description: "The subgraph that published the event, e.g. aftersales" }) source!: string;
  @Field({ description: "When the event happened (ISO 8601)" }) occurredAt!: string;
  @Field({ description: "The last attempt's error message" }) error!: string;
  @Field(() => Int, { description: "Attempts so far: the delivery's, plus one per failed replay" }) attempts!: number;
  @Field({ description: "When delivery gave up on it (ISO 8601)" }) failedAt!: string;
  @Field(() => String, { nullable: true, description: "When it was replayed (ISO 8601); null while it waits" }) replayedAt!: string | null;
  /*
   * The event's payload may hold personal data (names, phones in summaries). It is served
   * unmasked, as JSON text, because these fields are supervisor-only (accessMatrix: every other
   * role is refused before the resolver runs) and supervisors see customers' data unmasked
   * anyway (kit/authorization.ts); deciding whether to replay needs the event as it was. Each
   * read is on the customer's audit trail (the DeadLetter's owner, deadLetterFields.ts).
   */
  @Field({ description: "The event's payload as JSON text, unmasked (supervisors only): may hold personal data" }) payload!: string;
}

@Directive("@shareable")
@ObjectType({ description: "A page of dead letters, oldest first." })
export class DeadLetterPage {
  @Field(() => [DeadLetter]) entries!: DeadLetter[];
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null when the page is empty" }) endCursor!: string | null;
  @Field({ description: "More dead letters follow; pass endCursor as `after`" }) hasMore!: boolean;
}

@Directive("@shareable")
@ObjectType({ description: "What replaying a dead letter did." })
export class DeadLetterReplay {
  @Field(() => DeadLetter, { description: "The dead letter, now marked replayed" }) deadLetter!: DeadLetter;
  @Field({ description: "True when the reaction ran now; false when the event had already been applied (nothing ran again)" }) applied!: boolean;
}
