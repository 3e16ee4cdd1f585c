import type { RunningBenchGateway } from "./gateways";
import { requestBody, type Workload } from "./load";

/** Requests per workload whose answers are compared across gateways. */
export const SAMPLES_PER_WORKLOAD = 5;

/**
 * The answers a gateway gives to the first few requests of each workload, as canonical JSON
 * (keys sorted, `extensions` dropped). Peers are compared with ours before they are timed:
 * a gateway that answered less (a null where ours has data, a missing list) would be doing
 * less work and its figures would not be comparable.
 */
export async function sampleAnswers(gateway: RunningBenchGateway, loads: Workload[]): Promise<string[]> {
  const answers: string[] = [];
  for (const workload of loads) {
    for (let i = 0; i < SAMPLES_PER_WORKLOAD; i++) {
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...gateway.headers }, body: requestBody(workload, i) });
      const body = (await response.json()) as Record<string, unknown>;
      delete body.extensions;
      answers.push(canonical(body));
    }
  }
  return answers;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** "same (N answers)" or where the first differing answer starts to differ. */
export function compareAnswers(ours: string[], theirs: string[]): string {
  const differing = ours.map((answer, i) => (answer === theirs[i] ? -1 : i)).filter((i) => i >= 0);
  if (differing.length === 0) return `same (${ours.length} answers)`;
  const i = differing[0];
  const a = ours[i];
  const b = theirs[i] ?? "";
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  // Enough after the first difference to read an error message a peer answered with.
  const around = (text: string) => text.slice(Math.max(0, at - 80), at + 240);
  return `DIFFERENT in ${differing.length} of ${ours.length} answers; first at answer ${i + 1}, char ${at}: ours …${around(a)}… theirs …${around(b)}…`;
}
