import type { Reaction } from "../../kit/events/reaction";
import type { DB } from "../db/tables";
import { contractorJoinsCase } from "./contractorJoinsCase";

/** How the makers' after-sales reacts to other parties' events (run by the kit's delivery). */
export const reactions: Reaction<DB>[] = [contractorJoinsCase];
