import { z } from 'zod';
import { defineEvent } from '#platform/events';

/**
 * The envelope every order event carries (ORDERS.md, Events): the event id, the order, a
 * sequence number per order (+1 each, so consumers apply in order and drop repeats), when it
 * happened, and small figures. Keyed by the order id.
 */
const envelope = {
  eventId: z.string().min(1),
  orderId: z.string().min(1),
  sequence: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  number: z.string().min(1),
  channel: z.string().min(1),
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  currencyCode: z.string().length(3),
  /** The order total, in minor units. */
  totalMinor: z.number().int().nonnegative(),
  /** The store that sold it at a till; absent or null for an online order. */
  soldAtLocationId: z.string().nullable().optional(),
};

/** An order was placed: stock, discount uses and payments are held for it. */
export const OrderPlaced = defineEvent('order.placed', z.object(envelope));

/** Everything the order costs has been captured. */
export const OrderPaid = defineEvent('order.paid', z.object({ ...envelope, paidMinor: z.number().int().nonnegative() }));

const orderLineUnits = z.object({ orderLineId: z.string().min(1), sku: z.string().min(1), quantity: z.number().int().positive() });

/** Units left a location: shipped (with tracking) or handed over at a store. */
export const OrderFulfilled = defineEvent(
  'order.fulfilled',
  z.object({
    ...envelope,
    fulfillmentId: z.string().min(1),
    locationId: z.string().min(1),
    kind: z.enum(['SHIPMENT', 'PICKUP']),
    lines: z.array(orderLineUnits),
    tracking: z.array(z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() })),
  }),
);

/** The order waits at a store for the customer until `pickupDeadline`. */
export const OrderReadyForPickup = defineEvent(
  'order.ready_for_pickup',
  z.object({ ...envelope, locationId: z.string().min(1), pickupDeadline: z.iso.datetime() }),
);

/** The customer collected the order at a store. */
export const OrderPickedUp = defineEvent('order.picked_up', z.object({ ...envelope, locationId: z.string().min(1) }));

/** The order, or some of its lines, will not be fulfilled; what was paid for them went back. */
export const OrderCancelled = defineEvent(
  'order.cancelled',
  z.object({
    ...envelope,
    /** True when the whole order is cancelled; false for single lines. */
    whole: z.boolean(),
    reason: z.string(),
    lines: z.array(orderLineUnits),
    /** What went back to the customer for them, in minor units. */
    refundedMinor: z.number().int().nonnegative(),
    /** Where it went: the tenders it came from (ORIGINAL), or the customer's store credit. */
    refundTo: z.enum(['ORIGINAL', 'STORE_CREDIT']),
  }),
);

/** Units of the order are to come back: a customer asked (REQUESTED) or staff opened a return at a store (OPEN). */
export const ReturnRequested = defineEvent(
  'return.requested',
  z.object({
    ...envelope,
    returnId: z.string().min(1),
    status: z.enum(['REQUESTED', 'OPEN']),
    locationId: z.string().nullable(),
    lines: z.array(orderLineUnits),
  }),
);

/** Units of a return arrived at `locationId`; RESTOCK ones went back on hand there. */
export const ReturnReceived = defineEvent(
  'return.received',
  z.object({
    ...envelope,
    returnId: z.string().min(1),
    locationId: z.string().min(1),
    lines: z.array(orderLineUnits.extend({ disposition: z.enum(['RESTOCK', 'DAMAGED', 'MISSING']) })),
  }),
);

/** Money for returned units (and shipping) goes back to the customer; `refundedMinor` is what they get. */
export const RefundCreated = defineEvent(
  'refund.created',
  z.object({
    ...envelope,
    refundId: z.string().min(1),
    lines: z.array(orderLineUnits.extend({ amountMinor: z.number().int().nonnegative() })),
    shippingMinor: z.number().int().nonnegative(),
    refundedMinor: z.number().int().nonnegative(),
    refundTo: z.enum(['ORIGINAL', 'STORE_CREDIT']),
  }),
);

/**
 * A fulfilment order was made or changed: a location's live pick list follows these. Keyed by
 * the fulfilment order; `version` rises by one with every change, so a follower drops repeats.
 */
export const FulfillmentOrderChanged = defineEvent(
  'fulfillment_order.changed',
  z.object({
    fulfillmentOrderId: z.string().min(1),
    orderId: z.string().min(1),
    number: z.string().min(1),
    locationId: z.string().min(1),
    destinationLocationId: z.string().nullable(),
    method: z.enum(['SHIP', 'PICKUP', 'SHIP_TO_STORE']),
    status: z.enum(['OPEN', 'IN_PROGRESS', 'AWAITING_TRANSFER', 'READY_FOR_PICKUP', 'CLOSED', 'CANCELLED']),
    version: z.number().int().positive(),
    occurredAt: z.iso.datetime(),
  }),
);

/** A shipment's tracking changed after it left; the customer is sent the new link. Keyed by the order. */
export const FulfillmentTrackingUpdated = defineEvent(
  'fulfillment.tracking_updated',
  z.object({
    orderId: z.string().min(1),
    fulfillmentId: z.string().min(1),
    tracking: z.array(z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() })),
  }),
);

export type OrderPlacedPayload = ReturnType<typeof OrderPlaced.parse>;
export type OrderPaidPayload = ReturnType<typeof OrderPaid.parse>;
export type OrderFulfilledPayload = ReturnType<typeof OrderFulfilled.parse>;
export type OrderReadyForPickupPayload = ReturnType<typeof OrderReadyForPickup.parse>;
export type OrderPickedUpPayload = ReturnType<typeof OrderPickedUp.parse>;
export type OrderCancelledPayload = ReturnType<typeof OrderCancelled.parse>;
export type FulfillmentOrderChangedPayload = ReturnType<typeof FulfillmentOrderChanged.parse>;
export type ReturnRequestedPayload = ReturnType<typeof ReturnRequested.parse>;
export type ReturnReceivedPayload = ReturnType<typeof ReturnReceived.parse>;
export type RefundCreatedPayload = ReturnType<typeof RefundCreated.parse>;
