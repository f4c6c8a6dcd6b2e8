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

/** Where a fulfilment order stands: the store's work list shows OPEN to AWAITING_TRANSFER and READY_FOR_PICKUP. */
export enum FulfillmentOrderStatus {
  /** To pick and send (or hand over). */
  OPEN = 'OPEN',
  /** Some of it left. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** Ship to store: waiting for the transfer to arrive at the pickup store. */
  AWAITING_TRANSFER = 'AWAITING_TRANSFER',
  /** Packed at the store, waiting for the customer. */
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  /** Everything on it left. */
  CLOSED = 'CLOSED',
  /** Nothing more will leave from here: cancelled, or moved to another location. */
  CANCELLED = 'CANCELLED',
}

/** What a fulfilment was. */
export enum FulfillmentKind {
  SHIPMENT = 'SHIPMENT',
  PICKUP = 'PICKUP',
}

/** A fulfilment's progress: claimed locally, then confirmed by inventory. */
export enum FulfillmentState {
  PENDING = 'PENDING',
  DONE = 'DONE',
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

registerEnumType(FulfillmentOrderStatus, {
  name: 'FulfillmentOrderStatus',
  description: "Where a fulfilment order stands in a location's work.",
  valuesConfig: {
    AWAITING_TRANSFER: { description: 'Ship to store: the goods are on their way to the pickup store.' },
    CANCELLED: { description: 'Nothing more leaves from here: cancelled, or moved to another location.' },
    CLOSED: { description: 'Everything on it left.' },
    IN_PROGRESS: { description: 'Some of it left.' },
    OPEN: { description: 'To pick and send, or to prepare for pickup.' },
    READY_FOR_PICKUP: { description: 'Packed at the store, waiting for the customer.' },
  },
});
registerEnumType(FulfillmentKind, {
  name: 'FulfillmentKind',
  description: 'How goods left: shipped, or handed over at a store.',
  valuesConfig: {
    PICKUP: { description: 'Handed over to the customer at a store.' },
    SHIPMENT: { description: 'Sent as a parcel.' },
  },
});
