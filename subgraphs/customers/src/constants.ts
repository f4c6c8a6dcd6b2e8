/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'customers';
