import type { CustomersContext } from '../context';
import type { Customer, Segment } from '../entities';

/** The segments a customer is in now, by name: evaluated on read, batched across customers. */
export async function customerSegments(ctx: CustomersContext, customer: Customer): Promise<Segment[]> {
  const [ids, segments] = await Promise.all([ctx.loaders.segmentIdsByCustomer.load(customer.id), ctx.loaders.allSegments.load('all')]);
  return segments.filter((segment) => ids.includes(segment.id));
}
