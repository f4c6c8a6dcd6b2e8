import { UserError, UserErrorsException } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryLevel } from '../entities';

export const UNKNOWN_SKU = 'UNKNOWN_SKU';

/**
 * Refuses SKUs the catalog does not know. A SKU already stocked somewhere is known; the others
 * are asked of the products subgraph in one call. `paths` gives the input field of each SKU.
 */
export async function assertSkusKnown(ctx: InventoryContext, skus: { sku: string; path: string[] }[]): Promise<void> {
  const distinct = [...new Set(skus.map((s) => s.sku))];
  const stocked = await ctx.em.find(InventoryLevel, { sku: { $in: distinct } }, { fields: ['sku'] });
  const stockedSkus = new Set(stocked.map((l) => l.sku));
  const unknown = new Set(await ctx.catalog.unknownSkus(distinct.filter((s) => !stockedSkus.has(s))));
  const errors = skus
    .filter((s) => unknown.has(s.sku))
    .map((s) => new UserError(s.path, `No product variant has the SKU "${s.sku}"`, UNKNOWN_SKU));
  if (errors.length) throw new UserErrorsException(errors);
}
