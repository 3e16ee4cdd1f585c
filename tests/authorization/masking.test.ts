import type { Caller } from "../../common/caller";
import { canSeeMakerData, maskAddress, maskEmail, maskEntries, maskTextFor } from "../../subgraphs/kit";
import { REP_RETAILER } from "../helpers/testCaller";
import { ANALYST, AOLAN_PARTNER, GATEWAY_SYSTEM } from "./callers";

describe("authorization helpers (kit/authorization.ts)", () => {
  it("masks emails, addresses and mobile numbers in text the way the policy shows them", () => {
    expect(maskEmail("wanglei@example.cn")).toBe("w***@example.cn");
    expect(maskAddress("武汉市洪山区珞喻路 88 号 3 栋 1201")).toBe("武汉市***");
    expect(maskAddress("南京市鼓楼区中山路 321 号", "南京")).toBe("南京市***");
    expect(maskAddress("88 Luoyu Road, Hongshan District, Wuhan")).toBe("Wuhan ***");
    expect(maskTextFor(ANALYST, "SMS sent to 13912345678 and +86 138-0719-1234, hotline 027-8711-2233")).toBe("SMS sent to 139****5678 and 138****1234, hotline 027-8711-2233");
    expect(maskTextFor(REP_RETAILER, "SMS sent to 13912345678")).toBe("SMS sent to 13912345678");
    expect(maskEntries(AOLAN_PARTNER, [{ summary: "called 13807191234", id: "x" }])).toEqual([{ summary: "called 138****1234", id: "x" }]);
  });

  it("decides maker visibility per role", () => {
    const rep: Caller = REP_RETAILER;
    expect(canSeeMakerData(rep, "huawei")).toBe(true);
    expect(canSeeMakerData(ANALYST, "huawei")).toBe(true);
    expect(canSeeMakerData(AOLAN_PARTNER, "aolan")).toBe(true);
    expect(canSeeMakerData(AOLAN_PARTNER, "huawei")).toBe(false);
    expect(canSeeMakerData(AOLAN_PARTNER, "hengtong", ["jiangcheng", "aolan"])).toBe(true);
    expect(canSeeMakerData(GATEWAY_SYSTEM, "aolan")).toBe(false);
  });
});
