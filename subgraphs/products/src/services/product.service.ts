import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput, type SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { ProductsContext } from '../context';
import { Category, Product, ProductStatus, ProductVariant, TaxClass } from '../entities';
import { ProductsErrorCode } from '../errors';
import type { ProductCreateInput, ProductUpdateInput } from '../inputs/product.input';
import { refreshDerived } from '../rules/derived';
import { slugify } from '../rules/handle';
import { normaliseOptions, normaliseTags, unique } from '../rules/options';
import { uniqueViolationError } from '../rules/unique-violation';
import { buildVariants, variantIdentifiers } from '../rules/variant-builder';
import { publishProductChanged } from './catalog-events';
import { checkIdentifiersFree, uniqueHandle } from './catalog-identifiers.service';

type ProductOutcome = MutationOutcome<Product>;

const handleTaken = (handle: string) =>
  new UserError(['input', 'handle'], `Handle "${handle}" is already used by another product`, ProductsErrorCode.TAKEN);

/** Creates a product with its variants, all or nothing. */
export async function createProduct(ctx: ProductsContext, input: ProductCreateInput): Promise<ProductOutcome> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const product = new Product();
      product.title = input.title.trim();
      product.description = input.description?.trim() ?? '';
      product.vendor = input.vendor?.trim() || null;
      product.productType = input.productType?.trim() || null;
      product.tags = normaliseTags(input.tags ?? []);
      product.status = input.status ?? ProductStatus.DRAFT;
      product.taxClass = input.taxClass ?? TaxClass.STANDARD;
      product.channels = unique(input.channels ?? []);
      product.images = (input.images ?? []).map((i) => ({ url: i.url.trim(), altText: i.altText?.trim() || null }));
      product.currencyCode = tx.currencyCode;
      product.options = normaliseOptions(input.options ?? [], ['input', 'options'], errors);
      product.categoryId = await checkCategory(tx.em, input.categoryId, errors);
      product.handle = input.handle ?? (await uniqueHandle(tx.em, `${SCHEMA}.product`, slugify(product.title)));
      if (input.handle && (await tx.em.count(Product, { handle: input.handle }))) errors.push(handleTaken(input.handle));
      await checkIdentifiersFree(tx.em, variantIdentifiers(input.variants, ['input', 'variants']), errors);
      const variants = buildVariants(product, [], input.variants, ['input', 'variants'], tx.currencyCode, errors);
      if (errors.length) throw new UserErrorsException(errors);

      refreshDerived(product, variants);
      product.createdAt = product.updatedAt;
      tx.em.persist(product);
      tx.em.persist(variants);
      await tx.em.flush();
      await publishProductChanged(tx.em, product.id);
      return product;
    },
    {
      onUniqueViolation: (constraint) =>
        uniqueViolationError(constraint, constraint.includes('handle') ? ['input'] : ['input', 'variants']),
    },
  );
}

/** Changes a product's own fields; variants change through their own mutations. */
export async function updateProduct(ctx: ProductsContext, id: string, input: ProductUpdateInput): Promise<ProductOutcome> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const product = await lockProduct(tx.em, id);
      if (input.title !== undefined) product.title = input.title.trim();
      if (input.description !== undefined) product.description = input.description?.trim() ?? '';
      if (input.vendor !== undefined) product.vendor = input.vendor?.trim() || null;
      if (input.productType !== undefined) product.productType = input.productType?.trim() || null;
      if (input.tags !== undefined) product.tags = normaliseTags(input.tags ?? []);
      if (input.status != null) product.status = input.status;
      if (input.taxClass != null) product.taxClass = input.taxClass;
      if (input.images !== undefined)
        product.images = (input.images ?? []).map((i) => ({ url: i.url.trim(), altText: i.altText?.trim() || null }));
      if (input.categoryId !== undefined) product.categoryId = await checkCategory(tx.em, input.categoryId, errors);
      if (input.handle !== undefined && input.handle !== product.handle) {
        if (await tx.em.count(Product, { handle: input.handle, id: { $ne: product.id } })) errors.push(handleTaken(input.handle));
        product.handle = input.handle;
      }
      if (errors.length) throw new UserErrorsException(errors);
      refreshDerived(product, await tx.em.find(ProductVariant, { productId: product.id }));
      await tx.em.flush();
      await publishProductChanged(tx.em, product.id);
      return product;
    },
    { onUniqueViolation: (constraint) => uniqueViolationError(constraint, ['input']) },
  );
}

/** Archives a product: it leaves every list but still resolves for order history. */
export async function archiveProduct(ctx: ProductsContext, id: string): Promise<ProductOutcome> {
  return runMutation(ctx, async (tx) => {
    const product = await lockProduct(tx.em, id);
    if (product.status !== ProductStatus.ARCHIVED) {
      product.status = ProductStatus.ARCHIVED;
      product.updatedAt = new Date();
      await tx.em.flush();
      await publishProductChanged(tx.em, product.id);
    }
    return product;
  });
}

/** Adds (`publish`) or removes channels the product is sold on. */
export async function setProductChannels(
  ctx: ProductsContext,
  id: string,
  channels: SalesChannel[],
  publish: boolean,
): Promise<ProductOutcome> {
  if (channels.length === 0) {
    return { ok: false, userErrors: [new UserError(['channels'], 'Name at least one channel', ProductsErrorCode.BLANK)] };
  }
  return runMutation(ctx, async (tx) => {
    const product = await lockProduct(tx.em, id);
    const next = publish ? unique([...product.channels, ...channels]) : product.channels.filter((c) => !channels.includes(c));
    if (next.length !== product.channels.length) {
      product.channels = next;
      product.updatedAt = new Date();
      await tx.em.flush();
      await publishProductChanged(tx.em, product.id);
    }
    return product;
  });
}

/** Loads a product for change, locking its row so concurrent edits apply one after the other. */
export async function lockProduct(em: EntityManager, id: string): Promise<Product> {
  const product = isUuid(id) ? await em.findOne(Product, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!product) throw new UserErrorsException([new UserError(['id'], `No product with id "${id}"`, ProductsErrorCode.NOT_FOUND)]);
  return product;
}

async function checkCategory(em: EntityManager, categoryId: string | null | undefined, errors: UserError[]): Promise<string | null> {
  if (categoryId == null) return null;
  const found = isUuid(categoryId) ? await em.count(Category, { id: categoryId }) : 0;
  if (!found) errors.push(new UserError(['input', 'categoryId'], `No category with id "${categoryId}"`, ProductsErrorCode.NOT_FOUND));
  return categoryId;
}
