import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Money } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { Product, ProductVariant } from '../entities';
import { findVariant, money, productOfVariant } from '../services/catalog-lookup.service';

@Resolver(() => ProductVariant)
export class ProductVariantResolver {
  @Query(() => ProductVariant, { nullable: true, description: 'A variant by id, SKU or barcode (EAN, UPC or ISBN, as a till scans it).' })
  productVariant(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { nullable: true, description: "The variant's id; give one of `id`, `sku`, `barcode`." }) id?: string,
    @Arg('sku', () => String, { nullable: true, description: "The variant's SKU; give one of `id`, `sku`, `barcode`." }) sku?: string,
    @Arg('barcode', () => String, { nullable: true, description: "The variant's barcode; give one of `id`, `sku`, `barcode`." })
    barcode?: string,
  ): Promise<ProductVariant | null> {
    return findVariant(ctx, { id, sku, barcode });
  }

  @FieldResolver(() => Product, { description: 'The product this variant belongs to.' })
  product(@Root() variant: ProductVariant, @Ctx() ctx: ProductsContext): Promise<Product> {
    return productOfVariant(ctx, variant);
  }

  @FieldResolver(() => Money, { description: 'The catalog price of one unit, tax included unless the shop prices without tax.' })
  price(@Root() variant: ProductVariant): Money {
    return money(variant.priceAmount, variant.currencyCode);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The former price, shown struck through.' })
  compareAtPrice(@Root() variant: ProductVariant): Money | null {
    return variant.compareAtAmount === null ? null : money(variant.compareAtAmount, variant.currencyCode);
  }
}
