import type { AddOnsTable, PlansTable } from "../db/tables";

const GB = 1024;

/** The operators' tariff catalogue the stories (S3) refer to. */
export const PLANS: PlansTable[] = [
  { code: "UNI-IND-39", provider: "unicom", name: "联通畅越39元套餐", name_latin: "Changyue 39", monthly_fee_fen: 3900, included_minutes: 100, included_data_mb: 10 * GB, included_sms: 50 },
  { code: "UNI-IND-59", provider: "unicom", name: "联通冰激凌59元套餐", name_latin: "Ice Cream 59", monthly_fee_fen: 5900, included_minutes: 300, included_data_mb: 30 * GB, included_sms: 100 },
  { code: "UNI-FAM-199", provider: "unicom", name: "联通全家享199", name_latin: "Family Share 199 (4 mobile lines + 300M broadband)", monthly_fee_fen: 19900, included_minutes: 1000, included_data_mb: 40 * GB, included_sms: 300 },
  { code: "UNI-FAM-MEMBER", provider: "unicom", name: "全家享副卡", name_latin: "Family member line (shares the family allowance)", monthly_fee_fen: 0, included_minutes: 0, included_data_mb: 0, included_sms: 0 },
  { code: "UNI-BB-300M-FAM", provider: "unicom", name: "300M宽带(全家享内含)", name_latin: "300M broadband, included in Family Share", monthly_fee_fen: 0, included_minutes: 0, included_data_mb: 0, included_sms: 0 },
  { code: "UNI-BB-100M", provider: "unicom", name: "100M家庭宽带", name_latin: "100M home broadband", monthly_fee_fen: 6900, included_minutes: 0, included_data_mb: 0, included_sms: 0 },
  { code: "UNI-CORP-A", provider: "unicom", name: "企业套餐A", name_latin: "Corporate plan A", monthly_fee_fen: 8800, included_minutes: 500, included_data_mb: 20 * GB, included_sms: 100 },
  { code: "UNI-CORP-B", provider: "unicom", name: "企业套餐B", name_latin: "Corporate plan B", monthly_fee_fen: 5800, included_minutes: 300, included_data_mb: 10 * GB, included_sms: 100 },
  { code: "UNI-CORP-C", provider: "unicom", name: "企业套餐C", name_latin: "Corporate plan C", monthly_fee_fen: 3800, included_minutes: 100, included_data_mb: 5 * GB, included_sms: 50 },
  { code: "JC-HD-BASIC", provider: "jiangcheng", name: "江城有线高清基本包", name_latin: "Jiangcheng HD basic package", monthly_fee_fen: 2800, included_minutes: 0, included_data_mb: 0, included_sms: 0 },
];

export const ADD_ONS: AddOnsTable[] = [
  { code: "ADD-X", provider: "unicom", name: "企业国际漫游包X", name_latin: "Roaming pack X", fee_fen: 1000 },
  { code: "ADD-Y", provider: "unicom", name: "企业流量包Y(10GB)", name_latin: "Data pack Y (10 GB)", fee_fen: 2000 },
  { code: "ADD-VIDEO-15", provider: "unicom", name: "定向视频流量包", name_latin: "Video data pack", fee_fen: 1500 },
  { code: "JC-STB-RENT", provider: "jiangcheng", name: "机顶盒租赁", name_latin: "Set-top box rental (Hengtong HT-B860)", fee_fen: 1000 },
];

export function planFee(code: string): number {
  const plan = PLANS.find((p) => p.code === code);
  if (!plan) throw new Error(`unknown plan ${code}`);
  return plan.monthly_fee_fen;
}

export function addOnFee(code: string): number {
  const addOn = ADD_ONS.find((a) => a.code === code);
  if (!addOn) throw new Error(`unknown add-on ${code}`);
  return addOn.fee_fen;
}
