/**
 * The last filter of every recommendation: only what the catalog sells (ACTIVE, published on the
 * channel asked for, or on some channel) and some store has in stock. One call to products and
 * one to inventory per list, never in a transaction; with inventory down, the stock check is
 * skipped rather than recommending nothing.
 */
import type { SalesChannel } from '#platform/graphql';
import { fetchEntities } from '#platform/internal';
import type { OrdersContext } from '../../context';

type CatalogProduct = {
  id: string;
  status: string;
  channels: string[];
  variantSkus: string[];
};

/** Which of `ids` the catalog sells (ACTIVE, on `channel` or on some channel) and some store has in stock. */
export async function sellableProducts(ctx: OrdersContext, ids: string[], channel: SalesChannel | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const products = (await fetchEntities<CatalogProduct>(ctx, ctx.products, 'Product', 'id', ids, 'id status channels variantSkus')).filter(
    (p): p is CatalogProduct => p !== null && p.status === 'ACTIVE' && (channel ? p.channels.includes(channel) : p.channels.length > 0),
  );
  const skus = products.flatMap((p) => p.variantSkus);
  let inStock: Set<string> | null = null;
  try {
    const variants = await fetchEntities<{ sku: string; availableForSale: boolean | null }>(
      ctx,
      ctx.inventory,
      'ProductVariant',
      'sku',
      skus,
      'sku availableForSale',
    );
    inStock = new Set(variants.filter((v) => v !== null && v.availableForSale !== false).map((v) => v!.sku));
  } catch {
    // Inventory down: recommend without the stock check rather than not at all.
    inStock = null;
  }
  return new Set(products.filter((p) => inStock === null || p.variantSkus.some((sku) => inStock.has(sku))).map((p) => p.id));
}
