/** What other subgraphs may rely on from orders: the events it publishes. */
export { CartAbandoned, type CartAbandonedPayload } from './events';
export { OrderPlaced, OrderPaid, type OrderPlacedPayload, type OrderPaidPayload } from './order-events';
