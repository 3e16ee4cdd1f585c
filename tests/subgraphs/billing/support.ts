import type { Caller } from "../../../common/caller";
import type { GraphQLResult } from "../../helpers/subgraphHarness";

export const UNICOM_REP: Caller = { subject: "rep-unicom-liu", name: "刘芳 Liu Fang", role: "rep", organization: "unicom" };
export const ANALYST: Caller = { subject: "analyst-qian", name: "钱分析 Analyst Qian", role: "analyst", organization: "platform" };

/** The data of a result that must have succeeded; the errors are shown when it did not. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  expect(result.body.errors ?? []).toEqual([]);
  expect(result.status).toBe(200);
  return result.body.data as T;
}

export function errorCode(result: GraphQLResult): unknown {
  return result.body.errors?.[0]?.extensions?.code;
}
