import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { billingSubgraph } from "./subgraph";

runSubgraphMain(billingSubgraph).catch((error: unknown) => {
  console.error(`[billing] ${(error as Error).message ?? error}`);
  process.exit(1);
});
