/** What other subgraphs may rely on from orders: the events it publishes. */
export { CartAbandoned, type CartAbandonedPayload } from './events';
export { OrderPlaced, OrderPaid, type OrderPlacedPayload, type OrderPaidPayload } from './order-events';
export {
  OrderFulfilled,
  OrderReadyForPickup,
  OrderPickedUp,
  OrderCancelled,
  FulfillmentOrderChanged,
  FulfillmentTrackingUpdated,
  type OrderFulfilledPayload,
  type OrderReadyForPickupPayload,
  type OrderPickedUpPayload,
  type OrderCancelledPayload,
  type FulfillmentOrderChangedPayload,
} from './order-events';
export {
  ReturnRequested,
  ReturnReceived,
  RefundCreated,
  type ReturnRequestedPayload,
  type ReturnReceivedPayload,
  type RefundCreatedPayload,
} from './order-events';
