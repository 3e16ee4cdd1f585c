import { DEFAULT_SLA_HOURS, slaHours } from "../../subgraphs/kit/customer360/sla";
import { toCommitment } from "../../subgraphs/kit/customer360/reads";
import { maskEmail, maskEntries, maskPhone, maskPhoneFor } from "../../subgraphs/kit";
import { caller, entry, matter } from "./fixtures";

describe("SLA clocks", () => {
  it("has a clock per kind and the default for an unknown kind", () => {
    expect(slaHours("CALLBACK")).toBe(4);
    expect(slaHours("COMPLAINT")).toBe(48);
    expect(slaHours("SOMETHING_NEW")).toBe(DEFAULT_SLA_HOURS);
  });

  it("a promise past due is overdue by whole minutes; a kept one never is", () => {
    const row = { id: "P-1", description: "call back", due_at: "2026-12-01T10:00:00.000Z", made_by_name: "Chen", made_by_org: "yougou", status: "OPEN", kept_at: null } as never;
    const late = toCommitment(row, new Date("2026-12-01T11:30:59Z"));
    expect(late).toMatchObject({ overdue: true, overdueMinutes: 90, madeBy: { name: "Chen", organization: "yougou" } });
    expect(late.overdueText).toEqual(expect.any(String));
    expect(toCommitment(row, new Date("2026-12-01T09:00:00Z"))).toMatchObject({ overdue: false, overdueMinutes: 0, overdueText: undefined });
    expect(toCommitment({ ...(row as object), status: "KEPT" } as never, new Date("2026-12-09T00:00:00Z"))).toMatchObject({ overdue: false, overdueMinutes: 0 });
  });
});

describe("masking", () => {
  it("masks phones and emails", () => {
    expect(maskPhone("13807191234")).toBe("138****1234");
    expect(maskPhone("123")).toBe("****");
    expect(maskEmail("wanglei@example.cn")).toBe("w***@example.cn");
  });

  it("masks for analysts and partners, not for reps", () => {
    expect(maskPhoneFor(caller("analyst"), "13807191234")).toBe("138****1234");
    expect(maskPhoneFor(caller("partner"), "13807191234")).toBe("138****1234");
    expect(maskPhoneFor(caller("rep"), "13807191234")).toBe("13807191234");
  });

  it("masks mobiles in timeline summaries and matter titles, and handler phones for analysts", () => {
    const events = [{ ...entry("e1", "2026-11-01T00:00:00Z"), summary: "called 13807191234 back" }];
    expect(maskEntries(caller("analyst"), events)[0].summary).not.toContain("13807191234");
    expect(maskEntries(caller("rep"), events)).toBe(events);
    const matters = [matter("m1", { title: "call 13807191234", handler: { name: "Zhao", organization: "aolan", phone: "13912345678", since: "2026-11-01T00:00:00Z" } })];
    const masked = maskEntries(caller("analyst"), matters)[0];
    expect(masked.title).not.toContain("13807191234");
    expect(masked.handler?.phone).toBe("139****5678");
  });
});
