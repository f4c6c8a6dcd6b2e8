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
});
