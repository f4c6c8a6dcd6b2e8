import { PRICING_LOOKUP_LIMIT, VariantsForPricing, type PricingVariant } from '#contracts/products';
import { parseMinorUnits, type SalesChannel } from '#platform/graphql';
import { fetchEntities, subgraphUnavailable } from '#platform/internal';
import type { CatalogRow } from '../cart-pricing';
import type { OrdersContext } from '../context';

/**
 * The catalog's facts for `skus` on `channel`, in one call (a cart holds at most 250 lines, the
 * catalog's limit). An unknown SKU is absent from the map. Never inside a transaction.
 */
export async function readCatalog(ctx: OrdersContext, skus: readonly string[], channel: SalesChannel): Promise<Map<string, CatalogRow>> {
  const wanted = [...new Set(skus)];
  if (wanted.length === 0) return new Map();
  if (wanted.length > PRICING_LOOKUP_LIMIT) throw new RangeError(`at most ${PRICING_LOOKUP_LIMIT} SKUs per catalog read`);
  const result = await ctx.products.call(ctx, VariantsForPricing, { skus: wanted, channel });
  if (!result.ok) throw subgraphUnavailable('The catalog cannot be reached');
  return new Map(result.value.map((variant) => [variant.sku, catalogRow(ctx, variant)]));
}

/** One variant as pricing reads it, in minor units of the shop's currency. */
export function catalogRow(ctx: OrdersContext, variant: PricingVariant): CatalogRow {
  return {
    sku: variant.sku,
    variantId: variant.variantId,
    productId: variant.productId,
    productTitle: variant.productTitle,
    variantTitle: variant.variantTitle,
    categoryIds: variant.categoryIds,
    status: variant.productStatus,
    sellable: variant.sellable,
    unitPriceMinor: parseMinorUnits(variant.price.amount, ctx.currencyCode),
    compareAtMinor: variant.compareAtPrice ? parseMinorUnits(variant.compareAtPrice.amount, ctx.currencyCode) : null,
    taxClass: variant.taxClass,
  };
}

/** The SKUs of variants given by id (one call); null where the catalog has no such variant. */
export async function skusOfVariants(ctx: OrdersContext, variantIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(variantIds)];
  const found = await fetchEntities<{ id: string; sku: string }>(ctx, ctx.products, 'ProductVariant', 'id', ids, 'id sku');
  return new Map(found.filter((variant) => variant !== null).map((variant) => [variant.id, variant.sku]));
}
