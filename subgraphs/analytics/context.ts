import type { SubgraphContext } from "../kit";
import type { DB } from "./db/tables";
import type { Loaders } from "./loaders";

export type Context = SubgraphContext<DB, Loaders>;
