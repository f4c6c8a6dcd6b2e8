import {
  keysetAfter,
  pageRequest,
  readOrder,
  toConnection,
  type ConnectionArgs,
  type ConnectionShape,
  type PageRequest,
} from '#platform/graphql';
import type { CustomersContext } from '../context';
import type { Customer, CustomerEvent } from '../entities';

/** A customer's timeline, newest first, keyset-paged by (occurredAt, id); batched across customers. */
export async function customerTimeline(
  ctx: CustomersContext,
  customer: Customer,
  args: ConnectionArgs,
): Promise<ConnectionShape<CustomerEvent>> {
  const page: PageRequest = pageRequest(args, { backward: true });
  const after = keysetAfter(page, ['date', 'bigint']);
  const events = await ctx.loaders.timelinePages.load({
    customerId: customer.id,
    limit: page.limit,
    after,
    order: readOrder(page, 'desc'),
  });
  return toConnection(events, page, (event) => [event.occurredAt.toISOString(), event.id]);
}
