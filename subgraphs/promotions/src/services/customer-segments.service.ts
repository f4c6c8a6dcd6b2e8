import { fetchEntities } from '#platform/internal';
import type { PromotionsContext } from '../context';
import type { Discount } from '../entities';

/**
 * The segments a customer is in, asked of the customers subgraph (who owns segments and the
 * facts they are drawn from) with this subgraph's service credentials, never taken from the
 * caller. Only asked when a discount that could apply is for segments, so most baskets cost no
 * call; an unknown customer is in no segment.
 */
export async function segmentsForBasket(
  ctx: PromotionsContext,
  customerId: string | null | undefined,
  discounts: readonly Discount[],
): Promise<string[]> {
  if (!customerId || !discounts.some((d) => d.segmentIds.length > 0)) return [];
  const [customer] = await fetchEntities<{ segments: { id: string }[] }>(
    ctx.customersUrl,
    'Customer',
    'id',
    [customerId],
    'segments { id }',
    {
      headers: await ctx.serviceHeaders(),
      ownerName: 'customers service',
    },
  );
  return customer?.segments.map((s) => s.id) ?? [];
}
