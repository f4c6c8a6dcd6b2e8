import type { EntityManager } from '@mikro-orm/postgresql';
import { entityListLoader, entityLoader, plainListLoader } from '#platform/db';
import { Category, Product, ProductVariant } from '../entities';
import { createCategoryProductsLoader } from './category-products.loaders';

/** Batches every lookup a request makes, so list length never multiplies SQL statements. */
export function createProductLoaders(em: EntityManager) {
  const byKey = <E extends object, K extends keyof E & string>(entity: new () => E, key: K) => entityLoader(em, entity, key);

  return {
    categoryProducts: createCategoryProductsLoader(em),
    childCategories: entityListLoader(em, Category, 'parentId', { name: 'asc', id: 'asc' }),
    productById: byKey(Product, 'id'),
    productByHandle: byKey(Product, 'handle'),
    variantById: byKey(ProductVariant, 'id'),
    variantBySku: byKey(ProductVariant, 'sku'),
    variantByBarcode: byKey(ProductVariant, 'barcode'),
    categoryById: byKey(Category, 'id'),
    categoryByHandle: byKey(Category, 'handle'),
    /** Read paths only: plain rows, as a product list reads a few hundred variants per page. */
    variantsByProductId: plainListLoader(em, ProductVariant, 'productId', { position: 'asc', id: 'asc' }),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
