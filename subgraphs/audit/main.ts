import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { auditSubgraph } from "./subgraph";

runSubgraphMain(auditSubgraph).catch((error: unknown) => {
  console.error(`[audit] ${(error as Error).message ?? error}`);
  process.exit(1);
});
