import type { ActorInput } from "../../kit";

/** The contractor's organization code (docs/STORY_DATA.md lists the makers it works for). */
export const CONTRACTOR_ORG = "kuaixiu";

/** Matter kind of an open job: not the maker's VISIT, so the rep sees both and who does what. */
export const FIELD_JOB_MATTER = "FIELD_JOB";

/** Jobs in these states are done: no longer open matters, no longer changeable. */
export const CLOSED_STATUSES = ["COMPLETED", "CANCELLED"] as const;
export const OPEN_STATUSES = ["ASSIGNED", "EN_ROUTE", "ON_SITE"] as const;

export const KUAIXIU_DISPATCH: ActorInput = { name: "快修到家调度 Kuaixiu dispatch", role: "system", organization: CONTRACTOR_ORG, team: "武汉调度中心 Wuhan dispatch" };
