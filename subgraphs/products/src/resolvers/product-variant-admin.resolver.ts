import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { MANAGER_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { ProductVariantCreateInput, ProductVariantUpdateInput } from '../inputs/product-variant.input';
import { ProductVariantsCreatePayload, ProductVariantUpdatePayload } from '../payloads';
import { createVariants, updateVariant } from '../services/product-variant.service';

@Resolver()
export class ProductVariantAdminResolver {
  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductVariantsCreatePayload, { description: 'Adds variants to a product; new option values join its options.' })
  async productVariantsCreate(
    @Ctx() ctx: ProductsContext,
    @Arg('productId', () => ID, { description: 'The product to add them to.' }) productId: string,
    @Arg('variants', () => [ProductVariantCreateInput], { description: 'The new variants.' }) variants: ProductVariantCreateInput[],
  ) {
    return toPayload(await createVariants(ctx, productId, variants), (v) => ({ product: v.product, productVariants: v.variants }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ProductVariantUpdatePayload, { description: 'Changes a variant: SKU, barcode, price, options, title.' })
  async productVariantUpdate(
    @Ctx() ctx: ProductsContext,
    @Arg('input', () => ProductVariantUpdateInput, { description: 'The variant and the fields to change.' })
    input: ProductVariantUpdateInput,
  ) {
    return toPayload(await updateVariant(ctx, input), (productVariant) => ({ productVariant }));
  }
}
