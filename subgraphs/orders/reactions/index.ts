import type { Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { returnFollowsCase } from "./returnFollowsCase";

/** How the retailer reacts to the makers' events (run by the kit's delivery). */
export const reactions: Reaction<DB>[] = [returnFollowsCase];
