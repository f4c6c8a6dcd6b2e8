import type { EntityManager } from '@mikro-orm/postgresql';
import { parseMinorUnits, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import { Category, Product, ProductVariant, type ProductStatus, type TaxClass } from '../entities';
import { refreshDerived } from '../rules/derived';
import { demoCategories, demoProducts } from './demo-catalog';

export interface SeedCounts {
  categories: number;
  products: number;
  variants: number;
}

/**
 * Loads the demo bicycle-shop catalog in one transaction. Does nothing when the catalog
 * already holds products, so it is safe to call on every start.
 */
export async function seedDemoCatalog(em: EntityManager, currency: CurrencyCode = 'EUR'): Promise<SeedCounts | null> {
  return em.transactional(async (tx) => {
    if (await tx.count(Product, {})) return null;
    const categoryIds = new Map<string, string>();
    for (const demo of demoCategories) {
      const category = Object.assign(new Category(), {
        handle: demo.handle,
        name: demo.name,
        description: demo.description,
        parentId: demo.parentHandle ? (categoryIds.get(demo.parentHandle) ?? null) : null,
      });
      tx.persist(category);
      categoryIds.set(demo.handle, category.id);
    }
    let variantCount = 0;
    for (const demo of demoProducts) {
      const product = Object.assign(new Product(), {
        handle: demo.handle,
        title: demo.title,
        description: demo.description,
        vendor: demo.vendor,
        productType: demo.productType,
        tags: demo.tags,
        categoryId: categoryIds.get(demo.categoryHandle) ?? null,
        status: demo.status as ProductStatus,
        taxClass: demo.taxClass as TaxClass,
        channels: demo.channels as SalesChannel[],
        options: demo.options,
        images: demo.images,
        currencyCode: currency,
      });
      const variants = demo.variants.map((v, position) =>
        Object.assign(new ProductVariant(), {
          productId: product.id,
          sku: v.sku,
          barcode: v.barcode,
          title: v.selectedOptions.map((o) => o.value).join(' / ') || 'Default Title',
          selectedOptions: v.selectedOptions,
          priceAmount: parseMinorUnits(v.price, currency),
          compareAtAmount: v.compareAtPrice ? parseMinorUnits(v.compareAtPrice, currency) : null,
          currencyCode: currency,
          position,
        }),
      );
      refreshDerived(product, variants);
      tx.persist([product, ...variants]);
      variantCount += variants.length;
    }
    await tx.flush();
    return { categories: demoCategories.length, products: demoProducts.length, variants: variantCount };
  });
}

/** The SKUs of the demo catalog, for seeding stock elsewhere without reading this schema. */
export function demoSkus(): string[] {
  return demoProducts.flatMap((p) => p.variants.map((v) => v.sku));
}
