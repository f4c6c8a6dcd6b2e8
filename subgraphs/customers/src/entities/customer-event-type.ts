import { registerEnumType } from 'type-graphql';

/** What happened on a customer's timeline. */
export enum CustomerEventType {
  PRODUCT_VIEWED = 'PRODUCT_VIEWED',
  CART_ABANDONED = 'CART_ABANDONED',
  STORE_VISIT = 'STORE_VISIT',
  SUPPORT_CONTACT = 'SUPPORT_CONTACT',
  SIGNED_UP = 'SIGNED_UP',
  SIGNED_IN = 'SIGNED_IN',
  IDENTITY_LINKED = 'IDENTITY_LINKED',
  MERGED = 'MERGED',
  ERASED = 'ERASED',
  /** An order was placed (from the orders subgraph's order.placed). */
  ORDER_PLACED = 'ORDER_PLACED',
  /** Units of an order shipped or were handed over (order.fulfilled). */
  ORDER_FULFILLED = 'ORDER_FULFILLED',
  /** An order waits at a store for the customer (order.ready_for_pickup). */
  ORDER_READY_FOR_PICKUP = 'ORDER_READY_FOR_PICKUP',
  /** The customer collected an order at a store (order.picked_up). */
  ORDER_PICKED_UP = 'ORDER_PICKED_UP',
  /** An order, or some of its lines, was cancelled (order.cancelled). */
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  /** Units of an order are to come back (return.requested). */
  RETURN_REQUESTED = 'RETURN_REQUESTED',
  /** Returned units arrived at a store (return.received). */
  RETURN_RECEIVED = 'RETURN_RECEIVED',
  /** Money went back for returned units (refund.created). */
  REFUND_CREATED = 'REFUND_CREATED',
}

/** Interactions clients report; the others the system records itself, so nobody can forge them. */
export const TRACKABLE_EVENT_TYPES: readonly CustomerEventType[] = [
  CustomerEventType.PRODUCT_VIEWED,
  CustomerEventType.CART_ABANDONED,
  CustomerEventType.STORE_VISIT,
  CustomerEventType.SUPPORT_CONTACT,
];

registerEnumType(CustomerEventType, {
  name: 'CustomerEventType',
  description:
    'What happened: PRODUCT_VIEWED, CART_ABANDONED, STORE_VISIT and SUPPORT_CONTACT are tracked by clients; the others are recorded by the system.',
  valuesConfig: {
    CART_ABANDONED: { description: 'The customer left a cart without ordering.' },
    ERASED: { description: "The customer's personal data was erased (recorded by the system)." },
    IDENTITY_LINKED: { description: 'A channel identity was linked to the customer (recorded by the system).' },
    MERGED: { description: 'A duplicate was merged into this customer (recorded by the system).' },
    ORDER_CANCELLED: { description: 'An order of the customer, or some of its lines, was cancelled (recorded by the system).' },
    ORDER_FULFILLED: { description: "Units of the customer's order shipped or were handed over (recorded by the system)." },
    ORDER_PICKED_UP: { description: 'The customer collected an order at a store (recorded by the system).' },
    ORDER_PLACED: { description: 'The customer placed an order (recorded by the system).' },
    ORDER_READY_FOR_PICKUP: { description: "The customer's order waits at a store (recorded by the system)." },
    PRODUCT_VIEWED: { description: 'The customer looked at a product (tracked by a client).' },
    REFUND_CREATED: { description: 'Money went back to the customer for returned units (recorded by the system).' },
    RETURN_RECEIVED: { description: 'Units the customer returned arrived at a store (recorded by the system).' },
    RETURN_REQUESTED: {
      description: 'Units of an order are to come back: asked by the customer or taken by a store (recorded by the system).',
    },
    SIGNED_IN: { description: 'The customer signed in (recorded by the system).' },
    SIGNED_UP: { description: 'The customer signed up (recorded by the system).' },
    STORE_VISIT: { description: 'The customer visited a store (tracked by staff or a kiosk).' },
    SUPPORT_CONTACT: { description: 'The customer contacted support.' },
  },
});
