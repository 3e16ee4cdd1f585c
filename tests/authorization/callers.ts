import type { Caller } from "../../common/caller";

/** Callers of each role the authorization policy (subgraphs/kit/authorization.ts) distinguishes. */
export const ANALYST: Caller = { subject: "analyst-gu", name: "顾分析 Analyst Gu", role: "analyst", organization: "platform" };
export const AOLAN_PARTNER: Caller = { subject: "partner-aolan", name: "奥澜售后 Aolan after-sales", role: "partner", organization: "aolan" };
export const HENGTONG_PARTNER: Caller = { subject: "partner-hengtong", name: "恒通售后 Hengtong after-sales", role: "partner", organization: "hengtong" };
export const HUAWEI_PARTNER: Caller = { subject: "partner-huawei", name: "华为服务 Huawei service", role: "partner", organization: "huawei" };
export const GATEWAY_SYSTEM: Caller = { subject: "gateway", name: "Customer 360 gateway", role: "system", organization: "platform" };

let keys = 0;
export function freshKey(label: string): string {
  keys += 1;
  return `authz-${label}-${process.pid}-${Date.now()}-${keys}`;
}

export function codes(body: { errors?: Array<{ extensions?: { code?: string } }> }): string[] {
  return (body.errors ?? []).map((error) => error.extensions?.code ?? "NONE");
}
