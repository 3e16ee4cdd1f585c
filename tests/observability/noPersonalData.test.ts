/**
 * Issue 17: logs and metrics carry no personal data. After the S2 flow (find Li Na by phone,
 * verify her identity by SMS code, read her login attempts with their IPs), every log line
 * of the gateway and the subgraphs and every /metrics page are scanned for her name, phone,
 * email, address, the IPs the verified read showed, the SMS code, and the bearer tokens used.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { PEOPLE } from "../helpers/people";
import { eventually, metricsUrlOf, readLogLines } from "./observabilityKit";

const FIND = `query Find($phone: String!) { findCustomers(identifier: $phone) { result { candidates { customer { id name nameLatin city securityLogins { id isLocked } } } } } }`;
const DETAIL = `query Detail($id: ID!) { securityLogin(id: $id) { id maskedPhone attempts(first: 20) { ip location { city } result } notifications { text maskedDestination } } }`;

describe("no personal data in logs or metrics after the S2 verified read", () => {
  let graph: Graph;
  let logFile: string;
  const tokens: string[] = [];
  const revealed = new Set<string>();

  beforeAll(async () => {
    logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "c360-privacy-")), "graph.log");
    process.env.LOG_FILE = logFile;
    process.env.LOG_LEVEL = "debug";
    graph = await startGraph({ label: "sqlite" }, { LOG_FILE: logFile, LOG_LEVEL: "debug" });
  });
  afterAll(async () => {
    await graph?.stop();
    delete process.env.LOG_FILE;
    delete process.env.LOG_LEVEL;
  });

  async function ask(caller: CallerClaims, query: string, variables: Record<string, unknown>): Promise<any> {
    const token = await graph.token(caller);
    tokens.push(token);
    const response = await fetch(graph.gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return response.json();
  }

  it("runs the S2 flow, then finds none of what it showed in any log line or metric", async () => {
    const found = await ask(PEOPLE.platformRep, FIND, { phone: "+86 139 1234 5678" });
    expect(found.data.findCustomers.result.candidates[0].customer).toMatchObject({ id: "C-S2", name: "李娜" });
    const started = await ask(PEOPLE.platformRep, `mutation S($id: ID!, $key: String!) { startIdentityVerification(loginId: $id, idempotencyKey: $key) { id devCode } }`, { id: "u-lina", key: `privacy-${Date.now()}` });
    const { id: challengeId, devCode } = started.data.startIdentityVerification;
    revealed.add(devCode);
    const confirmed = await ask(PEOPLE.platformRep, `mutation C($id: ID!, $code: String!) { confirmIdentityVerification(challengeId: $id, code: $code) { loginId } }`, { id: challengeId, code: devCode });
    expect(confirmed.data.confirmIdentityVerification.loginId).toBe("u-lina");
    const detail = await ask(PEOPLE.platformRep, DETAIL, { id: "u-lina" });
    expect(detail.errors).toBeUndefined();
    const ips = detail.data.securityLogin.attempts.map((a: { ip: string }) => a.ip);
    expect(ips.length).toBeGreaterThan(0);
    for (const ip of ips) revealed.add(ip);
    for (const notification of detail.data.securityLogin.notifications) revealed.add(notification.text);
    // A refused request (bad token) and a partial one are logged too; they must be clean as well.
    await fetch(graph.gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer not-a-jwt-13912345678" }, body: JSON.stringify({ query: "{ __typename }" }) });

    const lines = await eventually(() => {
      const all = readLogLines(logFile);
      const requests = all.filter((l) => l.msg === "request");
      // The four graph requests reached the gateway and security logged its share.
      return requests.filter((l) => l.service === "gateway").length >= 5 && requests.some((l) => l.service === "security") ? all : undefined;
    });
    const logText = fs.readFileSync(logFile, "utf8");
    const metrics = [await (await fetch(metricsUrlOf(graph.gateway.url))).text()];
    for (const service of graph.subgraphs.values()) metrics.push(await (await fetch(metricsUrlOf(service.url))).text());
    const metricsText = metrics.join("\n");
    expect(lines.length).toBeGreaterThan(10);
    expect(metricsText).toMatch(/c360_gateway_requests_total/);

    const personal = ["李娜", "Li Na", "lina@example.cn", "13912345678", "139 1234 5678", "139-1234-5678", "中山路", "南京市鼓楼区", ...revealed];
    for (const [label, text] of [["logs", logText], ["metrics", metricsText]] as const) {
      for (const value of personal) expect({ label, value, found: text.includes(value) }).toEqual({ label, value, found: false });
      for (const token of tokens) expect(text.includes(token)).toBe(false);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT of any kind (client or gateway-signed)
      expect(text).not.toMatch(/\b(?!127\.0\.0\.1\b)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/); // no IPv4 address but our own loopback
      expect(text).not.toMatch(/not-a-jwt/);
    }
  });
});
