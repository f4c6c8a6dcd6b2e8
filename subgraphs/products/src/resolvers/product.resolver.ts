import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, Money } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { Category, Product } from '../entities';
import { ProductsArgs } from '../inputs/products.args';
import { findProduct, money, skusOfProduct, variantsOfProduct } from '../services/catalog-lookup.service';
import { categoryOfProduct } from '../services/category-query.service';
import { searchProducts } from '../services/product-search.service';
import { ProductConnection, ProductVariantConnection } from '../types/connections';
import { PriceRange } from '../types/price-range.type';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'A product by id or handle, whatever its status.' })
  product(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { nullable: true, description: "The product's id; give this or `handle`." }) id?: string,
    @Arg('handle', () => String, { nullable: true, description: "The product's URL handle; give this or `id`." }) handle?: string,
  ): Promise<Product | null> {
    return findProduct(ctx, { id, handle });
  }

  @Query(() => ProductConnection, { description: 'Products matching a text query and filters; ACTIVE only unless filtered by status.' })
  products(@Ctx() ctx: ProductsContext, @Args(() => ProductsArgs) args: ProductsArgs) {
    return searchProducts(ctx, args);
  }

  @FieldResolver(() => Category, { nullable: true, description: 'The category the product is filed under; null when none.' })
  category(@Root() product: Product, @Ctx() ctx: ProductsContext): Promise<Category | null> {
    return categoryOfProduct(ctx, product);
  }

  @FieldResolver(() => ProductVariantConnection, { description: "The product's variants (sizes, colours…) in display order." })
  variants(@Root() product: Product, @Ctx() ctx: ProductsContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return variantsOfProduct(ctx, product, args);
  }

  @FieldResolver(() => [String], { description: 'Every variant SKU; other subgraphs join stock and sales on it.' })
  @Directive('@inaccessible')
  variantSkus(@Root() product: Product, @Ctx() ctx: ProductsContext): Promise<string[]> {
    return skusOfProduct(ctx, product);
  }

  @FieldResolver(() => PriceRange, { description: "The lowest and highest price of the product's variants." })
  priceRange(@Root() product: Product): PriceRange {
    return {
      minVariantPrice: money(product.minPriceAmount, product.currencyCode),
      maxVariantPrice: money(product.maxPriceAmount, product.currencyCode),
    } satisfies { minVariantPrice: Money; maxVariantPrice: Money };
  }
}
