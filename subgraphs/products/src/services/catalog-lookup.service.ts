import { isStaff } from '#platform/auth';
import { isUuid } from '#platform/db';
import { Money, pageRequest, toConnection, type ConnectionArgs, type ConnectionShape, type CurrencyCode } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import type { ProductsContext } from '../context';
import { ProductStatus, type Category, type Product, type ProductVariant } from '../entities';

/**
 * A product by id or handle, ACTIVE or ARCHIVED: a direct link and a past order keep working
 * after archiving. A DRAFT is unreleased, so only staff see it.
 */
export async function findProduct(ctx: ProductsContext, by: { id?: string | null; handle?: string | null }): Promise<Product | null> {
  if ((by.id == null) === (by.handle == null)) throw badUserInput('Give exactly one of "id" or "handle"');
  const product =
    by.id != null
      ? isUuid(by.id)
        ? await ctx.loaders.productById.load(by.id)
        : null
      : await ctx.loaders.productByHandle.load(by.handle as string);
  return product && visible(ctx, product) ? product : null;
}

/**
 * A variant by id, SKU or barcode (what a till scans), under the same rule as its product.
 * A scanned barcode is trimmed: scanners may send a trailing newline or space.
 */
export async function findVariant(
  ctx: ProductsContext,
  by: { id?: string | null; sku?: string | null; barcode?: string | null },
): Promise<ProductVariant | null> {
  if ([by.id, by.sku, by.barcode].filter((v) => v != null).length !== 1) {
    throw badUserInput('Give exactly one of "id", "sku" or "barcode"');
  }
  let variant: ProductVariant | null;
  if (by.id != null) variant = isUuid(by.id) ? await ctx.loaders.variantById.load(by.id) : null;
  else if (by.sku != null) variant = await ctx.loaders.variantBySku.load(by.sku);
  else variant = await variantByBarcode(ctx, by.barcode ?? '');
  return variant && (isStaff(ctx.viewer) || visible(ctx, await productOfVariant(ctx, variant))) ? variant : null;
}

async function variantByBarcode(ctx: ProductsContext, barcode: string): Promise<ProductVariant | null> {
  const scanned = barcode.trim();
  return scanned ? ctx.loaders.variantByBarcode.load(scanned) : null;
}

function visible(ctx: ProductsContext, product: Product): boolean {
  return product.status !== ProductStatus.DRAFT || isStaff(ctx.viewer);
}

export async function findCategory(ctx: ProductsContext, by: { id?: string | null; handle?: string | null }): Promise<Category | null> {
  if ((by.id == null) === (by.handle == null)) throw badUserInput('Give exactly one of "id" or "handle"');
  if (by.id != null) return isUuid(by.id) ? ctx.loaders.categoryById.load(by.id) : null;
  return ctx.loaders.categoryByHandle.load(by.handle as string);
}

export async function productOfVariant(ctx: ProductsContext, variant: ProductVariant): Promise<Product> {
  const product = await ctx.loaders.productById.load(variant.productId);
  if (!product) throw new Error(`variant ${variant.id} has no product ${variant.productId}`);
  return product;
}

/** A product's variants in position order, paged in memory: one batched query per request. */
export async function variantsOfProduct(
  ctx: ProductsContext,
  product: Product,
  args: ConnectionArgs,
): Promise<ConnectionShape<ProductVariant>> {
  const page = pageRequest(args, { backward: true });
  // Paging backward reads from `before` toward the start, as toConnection expects.
  let variants = await ctx.loaders.variantsByProductId.load(product.id);
  if (page.backward) variants = [...variants].reverse();
  if (page.after) {
    const [position, id] = page.after;
    const index = variants.findIndex((v) => v.position === position && v.id === id);
    if (index < 0)
      throw badUserInput(`"${page.backward ? 'before' : 'after'}" is not a cursor of this list`, page.backward ? 'before' : 'after');
    variants = variants.slice(index + 1);
  }
  return toConnection(variants.slice(0, page.limit), page, (v) => [v.position, v.id]);
}

export async function skusOfProduct(ctx: ProductsContext, product: Product): Promise<string[]> {
  return (await ctx.loaders.variantsByProductId.load(product.id)).map((v) => v.sku);
}

export function money(amount: number, currencyCode: string): Money {
  return Money.fromMinor(amount, currencyCode as CurrencyCode);
}
