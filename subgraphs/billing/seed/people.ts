import type { BillingAccountsTable, BillingLinesTable } from "../db/tables";
import { currentPeriod } from "./builder";

export function account(row: Omit<BillingAccountsTable, "status" | "balance_fen"> & Partial<Pick<BillingAccountsTable, "status" | "balance_fen">>): BillingAccountsTable {
  return { status: "ACTIVE", balance_fen: 0, ...row };
}

export interface LineInput {
  number: string;
  position: number;
  kind?: string;
  member: [string, string];
  role: string;
  plan: string;
  activatedAt: string;
  usage?: [number, number, number];
  status?: string;
  equipmentSerial?: string;
}

export function line(accountNumber: string, input: LineInput): BillingLinesTable {
  const [minutes, dataMb, sms] = input.usage ?? [0, 0, 0];
  return {
    number: input.number,
    account_number: accountNumber,
    position: input.position,
    kind: input.kind ?? "MOBILE",
    member_name: input.member[0],
    member_name_latin: input.member[1],
    member_role: input.role,
    plan_code: input.plan,
    status: input.status ?? "ACTIVE",
    activated_at: input.activatedAt,
    equipment_serial: input.equipmentSerial ?? null,
    usage_period: currentPeriod(),
    usage_minutes: minutes,
    usage_data_mb: dataMb,
    usage_sms: sms,
  };
}

/** Staff of the corporate account (BA-3001): line 1 is the admin, 陈静 Chen Jing. */
const SURNAMES: Array<[string, string]> = [
  ["王", "Wang"], ["李", "Li"], ["张", "Zhang"], ["刘", "Liu"], ["陈", "Chen"], ["杨", "Yang"], ["黄", "Huang"], ["赵", "Zhao"],
  ["吴", "Wu"], ["周", "Zhou"], ["徐", "Xu"], ["孙", "Sun"], ["马", "Ma"], ["朱", "Zhu"], ["胡", "Hu"], ["郭", "Guo"],
];
const GIVEN: Array<[string, string]> = [
  ["浩", "Hao"], ["婷", "Ting"], ["鹏", "Peng"], ["丽", "Li"], ["强", "Qiang"], ["敏", "Min"], ["军", "Jun"], ["静", "Jing"],
  ["磊", "Lei"], ["燕", "Yan"], ["超", "Chao"], ["芳", "Fang"], ["勇", "Yong"], ["霞", "Xia"], ["杰", "Jie"], ["倩", "Qian"], ["斌", "Bin"],
];

export function staffName(index: number): [string, string] {
  const [surname, surnameLatin] = SURNAMES[index % SURNAMES.length];
  const [given, givenLatin] = GIVEN[(index * 7) % GIVEN.length];
  return [`${surname}${given}`, `${surnameLatin} ${givenLatin}`];
}
