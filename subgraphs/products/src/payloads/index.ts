import { MutationPayload } from '#platform/graphql';
import { Category, Product, ProductVariant } from '../entities';

export const ProductCreatePayload = MutationPayload('ProductCreatePayload', { product: () => Product });
export const ProductUpdatePayload = MutationPayload('ProductUpdatePayload', { product: () => Product });
export const ProductArchivePayload = MutationPayload('ProductArchivePayload', { product: () => Product });
export const ProductPublishPayload = MutationPayload('ProductPublishPayload', { product: () => Product });
export const ProductUnpublishPayload = MutationPayload('ProductUnpublishPayload', { product: () => Product });
export const ProductVariantsCreatePayload = MutationPayload('ProductVariantsCreatePayload', {
  product: () => Product,
  productVariants: () => [ProductVariant],
});
export const ProductVariantUpdatePayload = MutationPayload('ProductVariantUpdatePayload', { productVariant: () => ProductVariant });
export const CategoryCreatePayload = MutationPayload('CategoryCreatePayload', { category: () => Category });
export const CategoryUpdatePayload = MutationPayload('CategoryUpdatePayload', { category: () => Category });
