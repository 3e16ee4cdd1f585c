import type { Caller } from "../../common/caller";
import type { OpenMatter, TimelineEvent } from "../../subgraphs/kit";

/** A timeline entry with only what the merge reads set meaningfully. */
export function entry(id: string, at: string, source = "orders"): TimelineEvent {
  return { id, at, source, kind: "NOTE", summary: id, subjectType: "Order", subjectId: id, cursor: id, redacted: false, redactedReason: null };
}

export function matter(id: string, overrides: Partial<OpenMatter> = {}): OpenMatter {
  return {
    id, source: "orders", kind: "RETURN", title: id, status: "OPEN", openedAt: "2026-11-01T00:00:00.000Z", subjectType: "Order", subjectId: id,
    handoffs: [], promises: [], dueAt: "2026-11-04T00:00:00.000Z", overdue: false, redacted: false, redactedReason: null, ...overrides,
  };
}

export function caller(role: Caller["role"], organization: Caller["organization"] = "yougou"): Caller {
  return { subject: `${role}-1`, name: role, role, organization } as Caller;
}
