import type { EntityManager } from '@mikro-orm/postgresql';
import { UserError, UserErrorCode, type CurrencyCode } from '#platform/graphql';
import { ProductVariant, type Product } from '../../entities';
import { LIMITS } from '../../inputs/limits';
import type { ProductVariantCreateInput } from '../../inputs/product-variant.input';
import { parsePrice } from './price';
import { optionKey, resolveSelectedOptions, variantTitle } from './options';

/**
 * Turns variant inputs into entities for `product`, collecting every problem instead of
 * stopping at the first: SKUs and barcodes unique in the input and the catalog, prices valid,
 * one value per option and no two variants with the same values.
 */
export async function buildVariants(
  em: EntityManager,
  product: Product,
  existing: ProductVariant[],
  inputs: ProductVariantCreateInput[],
  path: string[],
  currency: CurrencyCode,
  errors: UserError[],
): Promise<ProductVariant[]> {
  if (existing.length + inputs.length > LIMITS.variantsPerProduct) {
    errors.push(new UserError(path, `A product can have at most ${LIMITS.variantsPerProduct} variants`, UserErrorCode.TOO_MANY));
  }
  await checkIdentifiersFree(
    em,
    inputs.map((input, i) => ({ sku: input.sku.trim(), barcode: input.barcode?.trim() || null, path: [...path, String(i)] })),
    errors,
  );
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
          UserErrorCode.TAKEN,
        ),
      );
    }
    combinations.add(key);
    variant.title = input.title?.trim() || variantTitle(variant.selectedOptions);
    return variant;
  });
}

/** SKUs and barcodes must be unique in the input itself and across the whole catalog. */
export async function checkIdentifiersFree(
  em: EntityManager,
  items: { sku?: string; barcode?: string | null; path: string[]; exceptId?: string }[],
  errors: UserError[],
): Promise<void> {
  for (const field of ['sku', 'barcode'] as const) {
    const values = items.map((item) => item[field]).filter((v): v is string => Boolean(v));
    if (values.length === 0) continue;
    const taken = await em.find(ProductVariant, { [field]: { $in: values } }, { fields: ['id', field] });
    const seen = new Set<string>();
    for (const item of items) {
      const value = item[field];
      if (!value) continue;
      const owner = taken.find((v) => v[field] === value && v.id !== item.exceptId);
      if (owner || seen.has(value)) {
        errors.push(
          new UserError(
            [...item.path, field],
            `${field === 'sku' ? 'SKU' : 'Barcode'} "${value}" is already used by another variant`,
            UserErrorCode.TAKEN,
          ),
        );
      }
      seen.add(value);
    }
  }
}

/** Maps a unique constraint lost to a concurrent writer onto the field that caused it. */
export function uniqueViolationError(constraint: string, path: string[]): UserError | undefined {
  if (constraint.includes('sku')) return new UserError([...path, 'sku'], 'That SKU was just taken by another variant', UserErrorCode.TAKEN);
  if (constraint.includes('barcode'))
    return new UserError([...path, 'barcode'], 'That barcode was just taken by another variant', UserErrorCode.TAKEN);
  if (constraint.includes('handle')) return new UserError([...path, 'handle'], 'That handle was just taken', UserErrorCode.TAKEN);
  return undefined;
}
