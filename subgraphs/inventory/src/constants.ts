/** The PostgreSQL schema this subgraph owns. Its outbox topics are declared in `contract/events.ts`. */
export const SCHEMA = 'inventory';
