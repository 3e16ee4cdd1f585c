import type { CheckReport } from "./checkSupergraph";

/*
 * The report a person reads: what was checked, what failed, where, and what to do about
 * it. Each failing line names the file, operation or schema coordinate to go to.
 */

function location(line?: number, column?: number): string {
  return line ? ` (line ${line}${column ? `:${column}` : ""})` : "";
}

export function formatReport(report: CheckReport): string {
  const out: string[] = [];
  out.push(`Checking ${report.configPath} (${report.subgraphs.length} subgraphs: ${report.subgraphs.join(", ")})`);
  out.push(`  against ${report.basePath}; operations in ${report.operationsDir}`);
  out.push("");

  const shared = report.sharedTypeProblems ?? [];
  if (shared.length) {
    out.push(`FAIL shared value types: ${shared.length} field(s) differ from the kit's`);
    for (const p of shared) out.push(`  - subgraph "${p.subgraph}": ${p.coordinate} ${p.message}`);
    out.push("  -> Build shared types from the kit's classes (import { Actor, Handler, ... } from the kit package); never copy their SDL.");
  }
  if (report.compositionErrors.length) {
    out.push(`FAIL composition: ${report.compositionErrors.length} error(s)`);
    // Those errors follow from the copies named above: the first few say enough.
    const shown = shared.length ? report.compositionErrors.slice(0, 2).map((e) => `${e.split("\n")[0].slice(0, 300)} ...`) : report.compositionErrors;
    for (const error of shown) out.push(`  - ${error}`);
    if (shown.length < report.compositionErrors.length) out.push(`  (${report.compositionErrors.length - shown.length} more, caused by the shared types above)`);
    out.push("  -> Fix the subgraph SDL these errors name. For our own subgraphs, change the code and run `npm run compose`;");
    out.push("     a partner's SDL is its checked-in file. Shared value types (Actor, Handler, TimelineEvent, ...) must be identical everywhere.");
    out.push("  (breaking changes and operations were not checked: there is no new supergraph)");
    out.push("");
    out.push("check FAILED");
    return out.join("\n");
  }
  out.push("ok   composition");

  const changes = report.changes!;
  if (changes.breaking.length) {
    out.push(`FAIL breaking changes: ${changes.breaking.length} against ${report.basePath}`);
    for (const change of changes.breaking) {
      out.push(`  - ${change.path ?? "(schema)"}: ${change.message}`);
      if (change.reason) out.push(`      why it breaks: ${change.reason}`);
    }
    out.push("  -> Keep the old field or type and mark it @deprecated(reason: ...) next to its replacement; remove it only");
    out.push("     after no client uses it (and then commit the new supergraph with the lead's review).");
  } else {
    out.push(`ok   no breaking changes (${changes.safe.length} safe, ${changes.dangerous.length} dangerous)`);
  }
  for (const change of changes.dangerous) out.push(`  warning ${change.path ?? "(schema)"}: ${change.message}${change.reason ? ` (${change.reason})` : ""}`);

  const operations = report.operations!;
  if (operations.problems.length) {
    const names = new Set(operations.problems.map((p) => `${p.file}#${p.operation}`));
    out.push(`FAIL operations: ${names.size} of ${operations.checked} would stop validating (${operations.files} files)`);
    for (const problem of operations.problems) {
      const field = problem.field ? ` field ${problem.field}:` : "";
      const already = problem.alreadyBroken ? " [already invalid against the base]" : "";
      out.push(`  - ${problem.file}${location(problem.line, problem.column)}: operation ${problem.operation}:${field} ${problem.message}${already}`);
    }
    out.push("  -> These are queries clients send today. Keep what they select, or update the operation together with every");
    out.push("     client that sends it.");
  } else {
    out.push(`ok   operations: all ${operations.checked} in ${operations.files} files validate`);
  }
  out.push("");
  out.push(report.ok ? "check passed" : "check FAILED");
  return out.join("\n");
}
