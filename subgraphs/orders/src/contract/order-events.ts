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
};

/** An order was placed: stock, discount uses and payments are held for it. */
export const OrderPlaced = defineEvent('order.placed', z.object(envelope));

/** Everything the order costs has been captured. */
export const OrderPaid = defineEvent('order.paid', z.object({ ...envelope, paidMinor: z.number().int().nonnegative() }));

export type OrderPlacedPayload = ReturnType<typeof OrderPlaced.parse>;
export type OrderPaidPayload = ReturnType<typeof OrderPaid.parse>;
