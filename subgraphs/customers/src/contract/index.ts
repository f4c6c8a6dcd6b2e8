/** What other subgraphs may rely on from customers: the events it publishes. */
export { CustomerErased, CustomerMerged } from './events';
