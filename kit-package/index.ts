/**
 * @customer360/kit: what a partner's subgraph depends on, from its own repository.
 * The kit our subgraphs use (subgraphs/kit) plus the shared value types (Actor, Handler,
 * TimelineEvent, ...) as classes: a partner builds its SDL from these, never copies SDL.
 */
export * from "../subgraphs/kit";
