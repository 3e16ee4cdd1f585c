import cluster from "node:cluster";
import path from "node:path";

/**
 * `node cluster.js <script> <workers>`: runs <script> in <workers> node:cluster workers that
 * share one listening port (PORT=0 gives every worker the same free port). The bench uses
 * it for --workers > 1 with our gateway and stock Apollo, which have no worker mode of their
 * own. Workers are not restarted: a worker that dies ends the run.
 */
const [script, workersRaw] = process.argv.slice(2);
const workers = Math.max(1, Number(workersRaw ?? 1));
if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`[cluster] worker ${worker.process.pid} exited (${code})`);
    process.exit(1);
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} else {
  require(path.resolve(script));
}
