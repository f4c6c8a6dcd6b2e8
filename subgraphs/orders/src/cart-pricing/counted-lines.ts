/** Which lines a cart prices: a line the shopper cannot buy here is shown, warned about, and counts zero. */
import type { CartLineInput, CatalogRow } from './types';

/** True when the catalog has the SKU and it may be sold on the cart's channel now. */
export function isCounted(catalog: CatalogRow | undefined): catalog is CatalogRow {
  return catalog !== undefined && catalog.sellable;
}

/** The lines that go to discounts and totals, in cart order, with their catalog rows. */
export function countedLines(
  lines: readonly CartLineInput[],
  catalog: ReadonlyMap<string, CatalogRow>,
): { line: CartLineInput; row: CatalogRow }[] {
  return lines.flatMap((line) => {
    const row = catalog.get(line.sku);
    return isCounted(row) ? [{ line, row }] : [];
  });
}
