import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { customersSubgraph } from "./subgraph";

runSubgraphMain(customersSubgraph).catch((error: Error) => {
  console.error(`[customers] failed to start: ${error.message}`);
  process.exit(1);
});
