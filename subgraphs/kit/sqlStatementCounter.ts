import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";

/**
 * Counts the SQL statements one subgraph request runs. Tests and the benchmark read it from
 * the `x-sql-statements` response header to prove that batching holds (the count must not
 * grow with the answer).
 *
 * A Kysely plugin on the request's own handle (`database.db.withPlugin(counter)`, which
 * shares the pool): every statement run through the request's `context.db` or its loaders
 * (which get the same handle), transactions included, is counted when its result comes
 * back. Until issue 19 the count lived in an AsyncLocalStorage scope fed by the database's
 * global log hook; on Node 20 any AsyncLocalStorage turns on a promise hook for every
 * promise of the process, and the profile showed it on every fetch. A transaction's own
 * BEGIN and COMMIT are not counted (they never reach a plugin); data statements are.
 */
export class StatementCounter implements KyselyPlugin {
  statements = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.statements += 1;
    return args.result;
  }
}
