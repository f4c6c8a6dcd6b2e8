import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { ProductVariant, type Product } from '../entities';
import { ProductsErrorCode } from '../errors';
import type { ProductVariantCreateInput, ProductVariantUpdateInput } from '../inputs/product-variant.input';
import { refreshDerived } from '../rules/derived';
import { optionKey, resolveSelectedOptions, variantTitle } from '../rules/options';
import { parsePrice } from '../rules/price';
import { uniqueViolationError } from '../rules/unique-violation';
import { buildVariants, variantIdentifiers } from '../rules/variant-builder';
import { publishProductChanged } from './catalog-events';
import { checkIdentifiersFree } from './catalog-identifiers.service';
import { lockProduct } from './product.service';

/** Adds variants to a product, all or nothing. */
export async function createVariants(
  ctx: ProductsContext,
  productId: string,
  inputs: ProductVariantCreateInput[],
): Promise<MutationOutcome<{ product: Product; variants: ProductVariant[] }>> {
  const errors = (await Promise.all(inputs.map((input, i) => validateInput(input, ['variants', String(i)])))).flat();
  if (inputs.length === 0) errors.push(new UserError(['variants'], 'Give at least one variant', ProductsErrorCode.BLANK));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const product = await lockProduct(tx.em, productId);
      const existing = await tx.em.find(ProductVariant, { productId: product.id });
      product.options = product.options.map((o) => ({ name: o.name, values: [...o.values] }));
      await checkIdentifiersFree(tx.em, variantIdentifiers(inputs, ['variants']), errors);
      const variants = buildVariants(product, existing, inputs, ['variants'], tx.currencyCode, errors);
      if (errors.length) throw new UserErrorsException(errors);
      tx.em.persist(variants);
      refreshDerived(product, [...existing, ...variants]);
      await tx.em.flush();
      await publishProductChanged(tx.em, product.id);
      return { product, variants };
    },
    { onUniqueViolation: (constraint) => uniqueViolationError(constraint, ['variants']) },
  );
}

/** Changes one variant; SKU, barcode, price and options are checked as on creation. */
export async function updateVariant(ctx: ProductsContext, input: ProductVariantUpdateInput): Promise<MutationOutcome<ProductVariant>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const current = isUuid(input.id) ? await tx.em.findOne(ProductVariant, { id: input.id }) : null;
      if (!current) {
        throw new UserErrorsException([new UserError(['input', 'id'], `No variant with id "${input.id}"`, ProductsErrorCode.NOT_FOUND)]);
      }
      const product = await lockProduct(tx.em, current.productId);
      const siblings = await tx.em.find(ProductVariant, { productId: product.id });
      const variant = siblings.find((v) => v.id === current.id) as ProductVariant;

      const sku = input.sku?.trim();
      const barcode = input.barcode === undefined ? undefined : input.barcode?.trim() || null;
      await checkIdentifiersFree(tx.em, [{ sku, barcode, path: ['input'], exceptId: variant.id }], errors);
      if (sku !== undefined) variant.sku = sku;
      if (barcode !== undefined) variant.barcode = barcode;
      if (input.price) {
        const price = parsePrice(input.price, ['input', 'price'], tx.currencyCode);
        if (price instanceof UserError) errors.push(price);
        else variant.priceAmount = price;
      }
      if (input.compareAtPrice !== undefined) {
        const compareAt = input.compareAtPrice ? parsePrice(input.compareAtPrice, ['input', 'compareAtPrice'], tx.currencyCode) : null;
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
              ProductsErrorCode.TAKEN,
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
      await tx.em.flush();
      await publishProductChanged(tx.em, product.id);
      return variant;
    },
    { onUniqueViolation: (constraint) => uniqueViolationError(constraint, ['input']) },
  );
}
