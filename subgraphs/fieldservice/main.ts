import "reflect-metadata";
import { runSubgraphMain } from "../kit";
import { fieldserviceSubgraph } from "./subgraph";

runSubgraphMain(fieldserviceSubgraph).catch((error: unknown) => {
  console.error(`[fieldservice] ${(error as Error).message ?? error}`);
  process.exit(1);
});
