import type { TimelineEvent } from "../../kit";

export interface MergedPage {
  entries: TimelineEvent[];
  hasNextPage: boolean;
}

/**
 * A k-way merge of the sources' slices: every slice is already newest first and holds at
 * most first+1 entries after the cursor, so sorting their union and cutting at `first` is
 * exact, and one left over means there is a next page.
 */
export function mergeTimeline(slices: TimelineEvent[], first: number): MergedPage {
  const sorted = [...slices].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1));
  return { entries: sorted.slice(0, first), hasNextPage: sorted.length > first };
}
