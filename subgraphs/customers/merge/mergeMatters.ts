import type { OpenMatter } from "../../kit";

/** What a rep should look at first: overdue matters, then the soonest due. */
export function mergeMatters(matters: OpenMatter[]): OpenMatter[] {
  return [...matters].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0;
  });
}
