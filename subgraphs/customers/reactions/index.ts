import type { Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { identityLinksReaction } from "./identityLinks";
import { resolvedByCustomerFact } from "./resolvedByCustomerFact";
import { sourceOpenMattersReaction } from "./sourceOpenMatters";

/** How the customers subgraph reacts to the other systems' events (run by the kit's delivery). */
export const reactions: Reaction<DB>[] = [resolvedByCustomerFact, identityLinksReaction, sourceOpenMattersReaction];
