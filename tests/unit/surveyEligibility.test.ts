import { DEFAULT_SURVEY_WINDOW_DAYS } from "../../subgraphs/customers/config";
import { surveyEligibility } from "../../subgraphs/customers/survey/surveyEligibility";
import { matter } from "./fixtures";

const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe("S4 survey rules", () => {
  it("is eligible when nothing is open, no source is missing and no recent survey", () => {
    expect(surveyEligibility({ matters: [], missingSources: [], lastSurveyAt: null, now: NOW })).toEqual({ eligible: true, reasons: [] });
  });

  it("never while a complaint is open, naming it", () => {
    const result = surveyEligibility({ matters: [matter("CP-1", { kind: "COMPLAINT", subjectId: "CP-1" })], missingSources: [], lastSurveyAt: null, now: NOW });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(["a complaint is open (CP-1)"]);
  });

  it("not while other matters are unresolved", () => {
    const result = surveyEligibility({ matters: [matter("R-1"), matter("R-2")], missingSources: [], lastSurveyAt: null, now: NOW });
    expect(result.reasons).toEqual(["2 matter(s) not yet resolved"]);
  });

  it("not twice within the window, and again once it has passed", () => {
    expect(DEFAULT_SURVEY_WINDOW_DAYS).toBe(30);
    expect(surveyEligibility({ matters: [], missingSources: [], lastSurveyAt: daysAgo(29.5), now: NOW }).reasons).toEqual(["surveyed 29 day(s) ago; wait 30 days between surveys"]);
    expect(surveyEligibility({ matters: [], missingSources: [], lastSurveyAt: daysAgo(30), now: NOW }).eligible).toBe(true);
  });

  it("says no when a source is missing: it cannot know", () => {
    const result = surveyEligibility({ matters: [], missingSources: ["billing"], lastSurveyAt: null, now: NOW });
    expect(result).toEqual({ eligible: false, reasons: ["cannot check billing right now"] });
  });
});
