import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { analyticsSubgraph } from "./subgraph";

runSubgraphMain(analyticsSubgraph).catch((error: unknown) => {
  console.error(`[analytics] ${(error as Error).message ?? error}`);
  process.exit(1);
});
