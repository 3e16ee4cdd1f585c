import type { HandlerInput } from "../kit";

/** Where each operator routes a new billing dispute. */
export const DISPUTE_TEAMS: Record<string, HandlerInput> = {
  unicom: {
    name: "计费争议受理台 Billing disputes desk",
    team: "联通武汉计费争议组 Unicom Wuhan billing disputes",
    organization: "unicom",
    tier: "L1",
    phone: "10010",
    hours: "08:00-20:00 daily",
  },
  jiangcheng: {
    name: "账务受理台 Billing desk",
    team: "江城有线账务组 Jiangcheng billing team",
    organization: "jiangcheng",
    tier: "L1",
    phone: "96516",
    hours: "09:00-18:00 Mon-Sat",
  },
};
