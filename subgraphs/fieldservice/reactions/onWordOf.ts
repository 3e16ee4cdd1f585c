import type { ActorInput } from "../../kit";
import type { DomainEvent } from "../../kit/events/reaction";
import { KUAIXIU_DISPATCH } from "../domain/contractor";

/** "<maker> visit VIS-0001 cancelled by 陈晓 Chen Xiao (yougou)": whose word a reaction acts on. */
export function whoSaid(event: DomainEvent): string {
  return event.actor ? `${event.actor.name} (${event.actor.organization})` : `${event.source}`;
}

/**
 * The timeline actor of a change the contractor makes because another party said so: its
 * dispatch system (nobody at Kuaixiu decided it), naming the maker and the person whose word it was.
 */
export function dispatchOnWordOf(event: DomainEvent, maker: string): ActorInput {
  return { ...KUAIXIU_DISPATCH, name: `${KUAIXIU_DISPATCH.name}, on ${maker}'s word (${whoSaid(event)})` };
}
