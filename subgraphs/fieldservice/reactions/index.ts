import type { Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { jobFollowsVisit } from "./jobFollowsVisit";
import { jobForScheduledVisit } from "./jobForScheduledVisit";

/** How the contractor reacts to the makers' events (run by the kit's delivery). */
export const reactions: Reaction<DB>[] = [jobForScheduledVisit, jobFollowsVisit];
