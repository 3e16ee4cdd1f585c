import { nationalMobile, normalizeContact, normalizeEmail, normalizePhoneNumber } from "../../common/normalizeIdentity";

describe("normalizeIdentity: the phone and email rules every identity.registered event follows", () => {
  it("writes one Chinese mobile typed many ways as the same digits with +86", () => {
    const typed = ["13807191234", "138 0719 1234", "138-0719-1234", "+86 138-0719-1234", "+8613807191234", "0086 13807191234", "8613807191234", " (+86) 138.0719.1234 "];
    const values = typed.map((raw) => normalizePhoneNumber(raw)?.value);
    expect(new Set(values)).toEqual(new Set(["8613807191234"]));
    expect(normalizePhoneNumber("13807191234")!.landline).toBe(false);
  });

  it("marks a landline as a household phone and keeps its area code", () => {
    expect(normalizePhoneNumber("027-8765-4321")).toEqual({ value: "862787654321", landline: true });
    expect(normalizePhoneNumber("+86 27 8765 4321")).toEqual({ value: "862787654321", landline: true });
    expect(normalizePhoneNumber("010-6552-9988")).toEqual({ value: "861065529988", landline: true });
  });

  it("keeps another country's code", () => {
    expect(normalizePhoneNumber("+852 9123 4567")).toEqual({ value: "85291234567", landline: false });
    expect(normalizePhoneNumber("001 415 555 0100")?.value).toBe("14155550100");
  });

  it("refuses what is not a phone number", () => {
    for (const raw of ["", "12345", "1380719123", "138071912345", "abc13807191234", "23807191234", "+86 123", "1".repeat(40), "138-0719-123x"]) expect(normalizePhoneNumber(raw)).toBeNull();
  });

  it("national form for the graph's phone search", () => {
    expect(nationalMobile("8613807191234")).toBe("13807191234");
    expect(nationalMobile("862787654321")).toBe("02787654321");
    expect(nationalMobile("85291234567")).toBe("85291234567");
  });

  it("lower-cases and trims emails, refuses malformed ones", () => {
    expect(normalizeEmail("  Wang.Lei@Example.COM ")).toBe("wang.lei@example.com");
    for (const raw of ["wang", "wang@", "@example.com", "wang@example", "wang lei@example.com", `${"a".repeat(250)}@x.cn`]) expect(normalizeEmail(raw)).toBeNull();
  });

  describe("normalizeContact", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error: any) {
        return { code: error.extensions.code, argument: error.extensions.argument, reason: error.extensions.reason };
      }
      return null;
    };

    it("normalizes a whole contact, the shared flag following the system or the landline", () => {
      expect(normalizeContact({ name: "  陈  晓  ", mobile: "+86 139 0000 1111", email: " Chen@Mail.CN", city: " 武汉 " }, "buyer", { mobileRequired: true })).toEqual({
        name: "陈 晓",
        mobile: "8613900001111",
        email: "chen@mail.cn",
        city: "武汉",
        sharedPhone: null,
      });
      expect(normalizeContact({ name: "Li", mobile: "13900001111", sharedPhone: true }, "owner", { mobileRequired: true }).sharedPhone).toBe(true);
      expect(normalizeContact({ name: "Li", mobile: "027-8765-4321", sharedPhone: false }, "owner", { mobileRequired: true }).sharedPhone).toBe(true);
      expect(normalizeContact({ name: "Li", sharedPhone: true }, "owner", { mobileRequired: false })).toMatchObject({ mobile: null, sharedPhone: null });
    });

    it("refuses with BAD_USER_INPUT naming the field and the reason", () => {
      expect(code(() => normalizeContact({ name: "Li", mobile: "12345" }, "buyer", { mobileRequired: true }))).toEqual({ code: "BAD_USER_INPUT", argument: "buyer.mobile", reason: "INVALID_PHONE" });
      expect(code(() => normalizeContact({ name: "Li", mobile: "" }, "buyer", { mobileRequired: true }))).toEqual({ code: "BAD_USER_INPUT", argument: "buyer.mobile", reason: "REQUIRED" });
      expect(code(() => normalizeContact({ name: "Li", mobile: "13900001111", email: "li@" }, "buyer", { mobileRequired: true }))).toEqual({ code: "BAD_USER_INPUT", argument: "buyer.email", reason: "INVALID_EMAIL" });
      expect(code(() => normalizeContact({ name: "x".repeat(61), mobile: "13900001111" }, "buyer", { mobileRequired: true }))).toEqual({ code: "BAD_USER_INPUT", argument: "buyer.name", reason: "TOO_LONG" });
      expect(code(() => normalizeContact({ name: "  ", mobile: "13900001111" }, "owner", { mobileRequired: true }))).toEqual({ code: "BAD_USER_INPUT", argument: "owner.name", reason: "REQUIRED" });
    });
  });
});
