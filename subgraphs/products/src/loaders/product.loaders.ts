import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader } from '../../../platform/src';
import { Category, Product, ProductVariant } from '../entities';
import { createCategoryProductsLoader } from './category-products.loader';

/** Batches every lookup a request makes, so list length never multiplies SQL statements. */
export function createProductLoaders(em: EntityManager) {
  const byKey = <E extends object, K extends keyof E & string>(entity: new () => E, key: K) => entityLoader(em, entity, key);

  return {
    categoryProducts: createCategoryProductsLoader(em),
    childCategories: new DataLoader<string, Category[]>(async (parentIds) => {
      const rows = await em.find(Category, { parentId: { $in: [...parentIds] } }, { orderBy: { name: 'asc', id: 'asc' } });
      return parentIds.map((id) => rows.filter((row) => row.parentId === id));
    }),
    productById: byKey(Product, 'id'),
    productByHandle: byKey(Product, 'handle'),
    variantById: byKey(ProductVariant, 'id'),
    variantBySku: byKey(ProductVariant, 'sku'),
    categoryById: byKey(Category, 'id'),
    categoryByHandle: byKey(Category, 'handle'),
    variantsByProductId: new DataLoader<string, ProductVariant[]>(async (productIds) => {
      const rows = await em.find(
        ProductVariant,
        { productId: { $in: [...productIds] } },
        { orderBy: { productId: 'asc', position: 'asc', id: 'asc' } },
      );
      const groups = new Map<string, ProductVariant[]>(productIds.map((id) => [id, []]));
      for (const row of rows) groups.get(row.productId)?.push(row);
      return productIds.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
