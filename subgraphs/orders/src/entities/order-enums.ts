import { registerEnumType } from 'type-graphql';

/** An order's lifecycle; what was paid and what left are other axes (financialStatus, fulfillmentStatus). */
export enum OrderStatus {
  OPEN = 'OPEN',
  CANCELLED = 'CANCELLED',
  CLOSED = 'CLOSED',
}

/** How an order's goods reach the customer. */
export enum FulfillmentMethod {
  SHIP = 'SHIP',
  PICKUP = 'PICKUP',
  SHIP_TO_STORE = 'SHIP_TO_STORE',
}

/** Where a checkout stands; RUNNING and COMPENSATING are in flight, PLACED has an order still being settled. */
export enum CheckoutState {
  RUNNING = 'RUNNING',
  COMPENSATING = 'COMPENSATING',
  PLACED = 'PLACED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'OPEN, CANCELLED or CLOSED: the lifecycle, apart from payment and fulfilment.',
  valuesConfig: {
    CANCELLED: { description: 'Cancelled: it will not be fulfilled.' },
    CLOSED: { description: 'Done: nothing is left to do on it.' },
    OPEN: { description: 'Placed and being handled.' },
  },
});
registerEnumType(FulfillmentMethod, {
  name: 'FulfillmentMethod',
  description: 'SHIP to an address, PICKUP at a store, or SHIP_TO_STORE for pickup once it arrives.',
  valuesConfig: {
    PICKUP: { description: 'Picked up at a store.' },
    SHIP: { description: 'Shipped to an address.' },
    SHIP_TO_STORE: { description: 'Sent to a store for pickup.' },
  },
});
