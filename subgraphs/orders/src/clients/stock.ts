import { StockAvailability } from '#contracts/inventory';
import { subgraphUnavailable } from '#platform/internal';
import type { Availability } from '../cart-pricing';
import type { OrdersContext } from '../context';

/** Every location, and the available stock of `skus` at each: one call to inventory. Never inside a transaction. */
export async function readAvailability(ctx: OrdersContext, skus: readonly string[]): Promise<Availability> {
  const result = await ctx.inventory.call(ctx, StockAvailability, { skus: [...new Set(skus)] });
  if (!result.ok) throw subgraphUnavailable('Stock cannot be read');
  return result.value;
}
