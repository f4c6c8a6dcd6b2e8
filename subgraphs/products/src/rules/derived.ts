import type { Product, ProductVariant } from '../entities';

/**
 * Refreshes what a product keeps about its variants: the price range (so price sorting needs
 * no join) and the text that search runs over. Called in the transaction that changes either.
 */
export function refreshDerived(product: Product, variants: ProductVariant[]): void {
  const prices = variants.map((v) => v.priceAmount);
  product.minPriceAmount = prices.length ? Math.min(...prices) : 0;
  product.maxPriceAmount = prices.length ? Math.max(...prices) : 0;
  product.searchText = [
    product.title,
    product.vendor,
    product.productType,
    ...product.tags,
    ...variants.flatMap((v) => [v.sku, v.barcode]),
    product.description,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  product.updatedAt = new Date();
}
