import type { AnalystMetricsQuery } from "../../../client/generated/graphql";

export type MetricsRow = AnalystMetricsQuery["serviceMetrics"][number];

/** The metrics an analyst can chart: label, how to read it from a row, and its unit. */
export interface MetricChoice {
  id: string;
  label: string;
  value: (row: MetricsRow) => number | null;
  digits: number;
}

export const METRICS: MetricChoice[] = [
  { id: "mattersOpened", label: "Matters opened", value: (r) => r.mattersOpened, digits: 0 },
  { id: "mattersResolved", label: "Matters resolved", value: (r) => r.mattersResolved, digits: 0 },
  { id: "firstResponseMedian", label: "First response, median (h)", value: (r) => r.firstResponseHours?.median ?? null, digits: 1 },
  { id: "firstResponseP90", label: "First response, p90 (h)", value: (r) => r.firstResponseHours?.p90 ?? null, digits: 1 },
  { id: "resolutionMedian", label: "Time to resolution, median (h)", value: (r) => r.resolutionHours?.median ?? null, digits: 1 },
  { id: "resolutionP90", label: "Time to resolution, p90 (h)", value: (r) => r.resolutionHours?.p90 ?? null, digits: 1 },
  { id: "escalationRate", label: "Escalation rate", value: (r) => r.escalationRate ?? null, digits: 2 },
  { id: "handoffsPerMatter", label: "Handoffs per matter", value: (r) => r.handoffsPerMatter ?? null, digits: 2 },
  { id: "partiesPerMatter", label: "Parties per matter", value: (r) => r.partiesPerMatter ?? null, digits: 2 },
  { id: "repeatContactsAfterResolution", label: "Repeat contacts after resolution (S5)", value: (r) => r.repeatContactsAfterResolution, digits: 0 },
  { id: "overduePromises", label: "Overdue promises (S4)", value: (r) => r.overduePromises, digits: 0 },
  { id: "averageDaysLate", label: "Promises: average days late (S4)", value: (r) => r.averageDaysLate ?? null, digits: 1 },
  { id: "complaintsUnanswered", label: "Complaints unanswered > 30 days (S4)", value: (r) => r.complaintsUnanswered, digits: 0 },
  { id: "surveysDuringOpenComplaint", label: "Surveys during an open complaint (S4)", value: (r) => r.surveysDuringOpenComplaint, digits: 0 },
  { id: "verificationsRefused", label: "Identity verifications refused (S2/S6)", value: (r) => r.verificationsRefused, digits: 0 },
];

export function format(value: number | null, digits: number): string {
  return value === null ? "—" : value.toFixed(digits);
}
