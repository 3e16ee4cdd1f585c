import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { aftersalesSubgraph } from "./subgraph";

runSubgraphMain(aftersalesSubgraph).catch((error: unknown) => {
  console.error(`[aftersales] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
