/** What other subgraphs may rely on from orders: the events it publishes. */
export { OrderPlaced, OrderPaid, type OrderPlacedPayload, type OrderPaidPayload } from './order-events';
