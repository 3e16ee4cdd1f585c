import { badInput } from "../../common/errorCodes";

/*
 * The organizations a case can be handed to (docs/STORY_DATA.md), with the party role each
 * takes on a case. A transfer to a code not listed here is refused: a case handed to an
 * organization nobody staffs would have no handler at all.
 */
export const CASE_ORGANIZATIONS: Record<string, { name: string; role: string }> = {
  aolan: { name: "奥澜电器售后 / Aolan after-sales", role: "MAKER_AFTERSALES" },
  xinghai: { name: "星海电视售后 / Xinghai after-sales", role: "MAKER_AFTERSALES" },
  hengtong: { name: "恒通售后 / Hengtong after-sales", role: "MAKER_AFTERSALES" },
  lenovo: { name: "联想服务 / Lenovo service", role: "MAKER_AFTERSALES" },
  huawei: { name: "华为服务 / Huawei service", role: "MAKER_AFTERSALES" },
  yougou: { name: "优购商城 / Yougou Mall", role: "RETAILER" },
  jiangcheng: { name: "江城有线 / Jiangcheng Cable TV", role: "PROVIDER" },
  unicom: { name: "中国联通武汉 / China Unicom Wuhan", role: "PROVIDER" },
  kuaixiu: { name: "快修到家 / Kuaixiu field service", role: "FIELD_SERVICE" },
};

/** The retailer whose orders and returns open cases (orders subgraph's RETAILER_ORGANIZATION). */
export const RETAILER = "yougou";

export function knownOrganization(raw: string, argument: string): string {
  const value = raw.trim().toLowerCase();
  if (!CASE_ORGANIZATIONS[value]) throw badInput(`${argument} "${raw.slice(0, 40)}" is not an organization a case can be handed to (${Object.keys(CASE_ORGANIZATIONS).join(", ")})`, { argument });
  return value;
}
