import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { AnalystMetricsDocument, type MetricsGrouping } from "../../../client/generated/graphql";
import { request } from "../../console/src/graphqlClient";
import { errorInWords } from "../../console/src/errorWords";
import { METRICS, format, type MetricsRow } from "./metrics";
import "./analyst.css";

/*
 * The analyst page (/analyst): pick a metric, a grouping and a time range; the page asks
 * serviceMetrics through /graphql with the pasted token and draws a bar chart (uPlot,
 * bundled by Vite: nothing is loaded from elsewhere) and the full table.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const metricSelect = $<HTMLSelectElement>("metric");
for (const metric of METRICS) metricSelect.append(new Option(metric.label, metric.id));
const status = $<HTMLParagraphElement>("status");
const chartBox = $<HTMLElement>("chart");
const tokenBox = $<HTMLTextAreaElement>("token");
tokenBox.value = sessionStorage.getItem("analyst-token") ?? "";
let chart: uPlot | null = null;

function drawChart(rows: MetricsRow[], metricId: string): void {
  const metric = METRICS.find((m) => m.id === metricId)!;
  chart?.destroy();
  chartBox.replaceChildren();
  const xs = rows.map((_, i) => i);
  const ys = rows.map((row) => metric.value(row));
  const bars = uPlot.paths.bars!({ size: [0.6, 80] });
  chart = new uPlot(
    {
      width: Math.max(480, chartBox.clientWidth || 900),
      height: 320,
      title: metric.label,
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, rows.length - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, (max ?? 1) * 1.1)] } },
      axes: [{ values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && rows[i] ? rows[i].group : "")), incrs: [1] }, {}],
      legend: { show: false },
      series: [{}, { label: metric.label, stroke: "#1f5fa8", fill: "rgba(31, 95, 168, 0.55)", paths: bars, points: { show: false } }],
    },
    [xs, ys],
    chartBox,
  );
}

function drawTable(rows: MetricsRow[], metricId: string): void {
  const head = $<HTMLTableElement>("table").tHead!;
  const body = $<HTMLTableElement>("table").tBodies[0];
  const header = document.createElement("tr");
  for (const label of ["Group", ...METRICS.map((m) => m.label)]) {
    const th = document.createElement("th");
    th.textContent = label;
    header.append(th);
  }
  head.replaceChildren(header);
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      const cells = [row.group, ...METRICS.map((m) => format(m.value(row), m.digits))];
      cells.forEach((text, i) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (i > 0 && METRICS[i - 1].id === metricId) td.className = "picked";
        tr.append(td);
      });
      return tr;
    }),
  );
}

async function show(): Promise<void> {
  const token = tokenBox.value.trim();
  sessionStorage.setItem("analyst-token", token);
  const since = $<HTMLInputElement>("since").value;
  const until = $<HTMLInputElement>("until").value;
  status.textContent = "Loading…";
  const answer = await request(
    AnalystMetricsDocument,
    { groupBy: $<HTMLSelectElement>("groupBy").value as MetricsGrouping, filter: { since: since ? `${since}T00:00:00Z` : null, until: until ? `${until}T00:00:00Z` : null } },
    token,
  );
  if (answer.errors.length > 0 || !answer.data) {
    status.textContent = answer.errors.map((error) => `${errorInWords(error)} (${error.code}: ${error.message})`).join(" ") || "No answer.";
    status.className = "error";
    return;
  }
  const rows = answer.data.serviceMetrics;
  status.className = "";
  status.textContent = `${rows.length} groups`;
  drawChart(rows, metricSelect.value);
  drawTable(rows, metricSelect.value);
}

$<HTMLFormElement>("controls").addEventListener("submit", (event) => {
  event.preventDefault();
  void show();
});
metricSelect.addEventListener("change", () => {
  if (chart) void show();
});
