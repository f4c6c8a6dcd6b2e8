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
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('sku', () => String, { nullable: true }) sku?: string,
    @Arg('barcode', () => String, { nullable: true }) barcode?: string,
  ): Promise<ProductVariant | null> {
    return findVariant(ctx, { id, sku, barcode });
  }

  @FieldResolver(() => Product)
  product(@Root() variant: ProductVariant, @Ctx() ctx: ProductsContext): Promise<Product> {
    return productOfVariant(ctx, variant);
  }

  @FieldResolver(() => Money)
  price(@Root() variant: ProductVariant): Money {
    return money(variant.priceAmount, variant.currencyCode);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The former price, shown struck through.' })
  compareAtPrice(@Root() variant: ProductVariant): Money | null {
    return variant.compareAtAmount === null ? null : money(variant.compareAtAmount, variant.currencyCode);
  }
}
