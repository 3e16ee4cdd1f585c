import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { ordersSubgraph } from "./subgraph";

runSubgraphMain(ordersSubgraph).catch((error: unknown) => {
  console.error(`[orders] ${(error as Error).message ?? error}`);
  process.exit(1);
});
