/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'inventory';

/** Outbox topics this subgraph publishes. */
export const Topics = {
  LEVEL_CHANGED: 'inventory.level.changed',
  LEVEL_LOW: 'inventory.level.low',
} as const;
