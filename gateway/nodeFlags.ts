import v8 from "node:v8";

/**
 * Node flags the gateway should run with (npm start and the benchmark pass them; a
 * deployment that runs `node dist/gateway/main.js` itself should too).
 *
 * Why a heap cap: without one, Node on a 24 GB machine lets the old generation grow to
 * about 4 GB before collecting hard, so under 50 connections the gateway held ~300 MB of
 * mostly garbage. With an explicit cap V8 collects earlier: measured RSS under the same load
 * ~170 MB, CPU per query unchanged (bench/PROFILE.md). The live set (supergraph, query plans,
 * in-flight answers) is far below 256 MB; raise it for very large supergraphs or
 * thousands of concurrent requests.
 */
export const GATEWAY_HEAP_MB = 256;
export const GATEWAY_NODE_FLAGS = [`--max-old-space-size=${GATEWAY_HEAP_MB}`];

/** A hint when the process was started without any heap cap (the limit is then a share of machine memory). */
export function heapCapHint(): string | undefined {
  const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  if (limitMb <= GATEWAY_HEAP_MB * 4) return undefined;
  return `[gateway] note: no heap cap (V8 limit ${Math.round(limitMb)} MB); start with node ${GATEWAY_NODE_FLAGS.join(" ")} to keep RSS low (see gateway/nodeFlags.ts)`;
}
