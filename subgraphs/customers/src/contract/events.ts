import { z } from 'zod';
import { defineEvent } from '#platform/events';

/** Two records of one person became one: `sourceId` now redirects to `targetId`. Keyed by the source. */
export const CustomerMerged = defineEvent('customer.merged', z.object({ sourceId: z.string().min(1), targetId: z.string().min(1) }));

/** A customer's personal data was erased on request; other subgraphs drop what they keep about them. */
export const CustomerErased = defineEvent('customer.erased', z.object({ customerId: z.string().min(1) }));
