import type { Caller } from "../../common/caller";

export const TEST_SECRET = "test-secret-that-is-long-enough-0123456789";

export const REP_RETAILER: Caller = { subject: "rep-chen", name: "陈晓 Chen Xiao", role: "rep", organization: "yougou", verifiedCustomerIds: [] };
export const REP_MAKER: Caller = { subject: "rep-aolan-li", name: "李工 Li Gong", role: "rep", organization: "aolan", verifiedCustomerIds: [] };
export const SUPERVISOR: Caller = { subject: "sup-wu", name: "吴主管 Supervisor Wu", role: "supervisor", organization: "platform", verifiedCustomerIds: [] };
