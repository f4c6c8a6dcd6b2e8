import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorCode, UserErrorsException, validateInput } from '#platform/graphql';
import { isUuid } from '#platform/db';
import type { ProductsContext } from '../context';
import { Product, ProductVariant } from '../entities';
import type { ProductVariantCreateInput, ProductVariantUpdateInput } from '../inputs/product-variant.input';
import { lockProduct } from './product.service';
import { refreshDerived } from './rules/derived';
import { optionKey, resolveSelectedOptions, variantTitle } from './rules/options';
import { parsePrice } from './rules/price';
import { buildVariants, checkIdentifiersFree, uniqueViolationError } from './rules/variant-builder';

/** Adds variants to a product, all or nothing. */
export async function createVariants(
  ctx: ProductsContext,
  productId: string,
  inputs: ProductVariantCreateInput[],
): Promise<MutationOutcome<{ product: Product; variants: ProductVariant[] }>> {
  const errors = (await Promise.all(inputs.map((input, i) => validateInput(input, ['variants', String(i)])))).flat();
  if (inputs.length === 0) errors.push(new UserError(['variants'], 'Give at least one variant', UserErrorCode.BLANK));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx.em,
    async (em) => {
      const product = await lockProduct(em, productId);
      const existing = await em.find(ProductVariant, { productId: product.id });
      product.options = product.options.map((o) => ({ name: o.name, values: [...o.values] }));
      const variants = await buildVariants(em, product, existing, inputs, ['variants'], ctx.currencyCode, errors);
      if (errors.length) throw new UserErrorsException(errors);
      em.persist(variants);
      refreshDerived(product, [...existing, ...variants]);
      await em.flush();
      return { product, variants };
    },
    (constraint) => uniqueViolationError(constraint, ['variants']),
  );
}

/** Changes one variant; SKU, barcode, price and options are checked as on creation. */
export async function updateVariant(ctx: ProductsContext, input: ProductVariantUpdateInput): Promise<MutationOutcome<ProductVariant>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx.em,
    async (em) => {
      const current = isUuid(input.id) ? await em.findOne(ProductVariant, { id: input.id }) : null;
      if (!current)
        throw new UserErrorsException([new UserError(['input', 'id'], `No variant with id "${input.id}"`, UserErrorCode.NOT_FOUND)]);
      const product = await lockProduct(em, current.productId);
      const siblings = await em.find(ProductVariant, { productId: product.id });
      const variant = siblings.find((v) => v.id === current.id) as ProductVariant;

      const sku = input.sku?.trim();
      const barcode = input.barcode === undefined ? undefined : input.barcode?.trim() || null;
      await checkIdentifiersFree(em, [{ sku, barcode, path: ['input'], exceptId: variant.id }], errors);
      if (sku !== undefined) variant.sku = sku;
      if (barcode !== undefined) variant.barcode = barcode;
      if (input.price) {
        const price = parsePrice(input.price, ['input', 'price'], ctx.currencyCode);
        if (price instanceof UserError) errors.push(price);
        else variant.priceAmount = price;
      }
      if (input.compareAtPrice !== undefined) {
        const compareAt = input.compareAtPrice ? parsePrice(input.compareAtPrice, ['input', 'compareAtPrice'], ctx.currencyCode) : null;
        if (compareAt instanceof UserError) errors.push(compareAt);
        else variant.compareAtAmount = compareAt;
      }
      if (input.selectedOptions) {
        product.options = product.options.map((o) => ({ name: o.name, values: [...o.values] }));
        variant.selectedOptions = resolveSelectedOptions(product.options, input.selectedOptions, ['input', 'selectedOptions'], errors);
        const key = optionKey(variant.selectedOptions);
        if (siblings.some((v) => v.id !== variant.id && optionKey(v.selectedOptions) === key)) {
          errors.push(
            new UserError(
              ['input', 'selectedOptions'],
              `Another variant already has the options ${variantTitle(variant.selectedOptions)}`,
              UserErrorCode.TAKEN,
            ),
          );
        }
        if (input.title === undefined) variant.title = variantTitle(variant.selectedOptions);
      }
      if (input.title !== undefined) variant.title = input.title.trim();
      if (input.position != null) variant.position = input.position;
      if (errors.length) throw new UserErrorsException(errors);

      variant.updatedAt = new Date();
      refreshDerived(product, siblings);
      await em.flush();
      return variant;
    },
    (constraint) => uniqueViolationError(constraint, ['input']),
  );
}
