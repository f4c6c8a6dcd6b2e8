import { UserError, type CurrencyCode } from '#platform/graphql';
import { ProductVariant, type Product } from '../entities';
import { ProductsErrorCode } from '../errors';
import { LIMITS } from '../inputs/limits';
import type { ProductVariantCreateInput } from '../inputs/product-variant.input';
import { parsePrice } from './price';
import { optionKey, resolveSelectedOptions, variantTitle } from './options';

/** The SKU and barcode each input asks for, trimmed, with its place in the input: what must be free in the catalog. */
export function variantIdentifiers(inputs: ProductVariantCreateInput[], path: string[]) {
  return inputs.map((input, i) => ({ sku: input.sku.trim(), barcode: input.barcode?.trim() || null, path: [...path, String(i)] }));
}

/**
 * Turns variant inputs into entities for `product`, collecting every problem instead of
 * stopping at the first: prices valid, one value per option, no two variants with the same
 * values, no more variants than a product may have. Whether SKUs and barcodes are free in the
 * catalog is the caller's question (checkIdentifiersFree), asked of the database.
 */
export function buildVariants(
  product: Product,
  existing: ProductVariant[],
  inputs: ProductVariantCreateInput[],
  path: string[],
  currency: CurrencyCode,
  errors: UserError[],
): ProductVariant[] {
  if (existing.length + inputs.length > LIMITS.variantsPerProduct) {
    errors.push(new UserError(path, `A product can have at most ${LIMITS.variantsPerProduct} variants`, ProductsErrorCode.TOO_MANY));
  }
  const combinations = new Set(existing.map((v) => optionKey(v.selectedOptions)));
  let position = Math.max(-1, ...existing.map((v) => v.position));
  return inputs.map((input, i) => {
    const at = [...path, String(i)];
    const variant = new ProductVariant();
    variant.productId = product.id;
    variant.sku = input.sku.trim();
    variant.barcode = input.barcode?.trim() || null;
    variant.currencyCode = currency;
    variant.position = input.position ?? (position += 1);
    const price = parsePrice(input.price, [...at, 'price'], currency);
    if (price instanceof UserError) errors.push(price);
    else variant.priceAmount = price;
    if (input.compareAtPrice) {
      const compareAt = parsePrice(input.compareAtPrice, [...at, 'compareAtPrice'], currency);
      if (compareAt instanceof UserError) errors.push(compareAt);
      else variant.compareAtAmount = compareAt;
    }
    variant.selectedOptions = resolveSelectedOptions(product.options, input.selectedOptions ?? [], [...at, 'selectedOptions'], errors);
    const key = optionKey(variant.selectedOptions);
    if (combinations.has(key)) {
      errors.push(
        new UserError(
          [...at, 'selectedOptions'],
          `Another variant already has the options ${variantTitle(variant.selectedOptions)}`,
          ProductsErrorCode.TAKEN,
        ),
      );
    }
    combinations.add(key);
    variant.title = input.title?.trim() || variantTitle(variant.selectedOptions);
    return variant;
  });
}
