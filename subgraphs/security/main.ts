import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { securitySubgraph } from "./subgraph";

runSubgraphMain(securitySubgraph).catch((error: unknown) => {
  console.error(`[security] ${(error as Error).message ?? error}`);
  process.exit(1);
});
