/**
 * What other subgraphs may rely on from customers: the events it publishes, and the queries
 * they send it (through federation's `_entities`, with this subgraph's own schema).
 */
export { CustomerErased, CustomerMerged } from './events';
export { CustomerSegments, CustomersNow, KnownSegments, representations, type EntityRepresentation } from './commands';
