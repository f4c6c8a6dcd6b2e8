import { fetchEntities } from '#platform/internal';
import type { PromotionsContext } from '../context';
import type { Discount } from '../entities';

/**
 * The segments a customer is in, asked of the customers subgraph (who owns segments and the
 * facts they are drawn from) through its client, never taken from the caller. Only asked when a
 * discount that could apply is for segments, so most baskets cost no call; an unknown customer
 * is in no segment. Pricing reads only, so this never runs inside a transaction.
 */
export async function segmentsForBasket(
  ctx: PromotionsContext,
  customerId: string | null | undefined,
  discounts: readonly Pick<Discount, 'segmentIds'>[],
): Promise<string[]> {
  if (!customerId || !discounts.some((d) => d.segmentIds.length > 0)) return [];
  const [customer] = await fetchEntities<{ segments: { id: string }[] }>(
    ctx,
    ctx.customers,
    'Customer',
    'id',
    [customerId],
    'segments { id }',
  );
  return customer?.segments.map((s) => s.id) ?? [];
}
