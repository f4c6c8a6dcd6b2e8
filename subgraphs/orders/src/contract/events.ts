import { z } from 'zod';
import { defineEvent } from '#platform/events';

/**
 * A shopper left a cart and was sent a link back to it. Keyed by the cart. `customerId` is null
 * for a guest who left only an email; the customers subgraph records it on the customer's timeline.
 */
export const CartAbandoned = defineEvent(
  'cart.abandoned',
  z.object({
    /** Unique per reminder: consumers record each once. */
    eventId: z.string().min(1),
    cartId: z.string().min(1),
    customerId: z.string().nullable(),
    channel: z.string(),
    lineCount: z.number().int().nonnegative(),
    occurredAt: z.iso.datetime(),
  }),
);

export type CartAbandonedPayload = ReturnType<typeof CartAbandoned.parse>;
