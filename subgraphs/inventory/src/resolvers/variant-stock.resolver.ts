import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../context';
import { CoordinatesInput } from '../inputs/reservation.input';
import { isAvailableForSale, storeAvailability, totalAvailable, variantSummary } from '../services/stock-query.service';
import { InventorySummary, ProductStock, StoreAvailability, VariantStock } from '../types/stock.types';

/** Stock fields on the catalog's ProductVariant, joined by SKU. */
@Resolver(() => VariantStock)
export class VariantStockResolver {
  @FieldResolver(() => InventorySummary, {
    nullable: true,
    description: 'Stock of this variant over every location; null (with an error) while inventory cannot be reached.',
  })
  inventory(@Root() variant: VariantStock, @Ctx() ctx: InventoryContext) {
    return variantSummary(ctx, variant.sku);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Some location that sells to customers has a unit available; null (with an error) while inventory cannot be reached.',
  })
  availableForSale(@Root() variant: VariantStock, @Ctx() ctx: InventoryContext) {
    return isAvailableForSale(ctx, [variant.sku]);
  }

  @FieldResolver(() => [StoreAvailability], {
    nullable: true,
    description: 'Pickup locations with the variant in stock, nearest first; null (with an error) while inventory cannot be reached.',
  })
  storeAvailability(
    @Root() variant: VariantStock,
    @Ctx() ctx: InventoryContext,
    @Arg('near', () => CoordinatesInput, {
      nullable: true,
      description: "The shopper's position, to sort stores by distance and fill `distanceKm`.",
    })
    near?: CoordinatesInput,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'How many stores to list (10 when omitted, at most 250), nearest first when `near` is given.',
    })
    first?: number,
    @Arg('pickupOnly', () => Boolean, { nullable: true, defaultValue: true, description: 'false: every location holding it.' })
    pickupOnly?: boolean,
  ) {
    return storeAvailability(ctx, variant.sku, { near, first, pickupOnly });
  }
}

/** Stock totals on the catalog's Product, from the SKUs the products subgraph supplies. */
@Resolver(() => ProductStock)
export class ProductStockResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Units available to sell, over every variant and location; null (with an error) while inventory cannot be reached.',
  })
  @Directive('@requires(fields: "variantSkus")')
  totalInventory(@Root() product: ProductStock, @Ctx() ctx: InventoryContext) {
    return totalAvailable(ctx, product.variantSkus ?? []);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Some variant is available to sell somewhere; null (with an error) while inventory cannot be reached.',
  })
  @Directive('@requires(fields: "variantSkus")')
  availableForSale(@Root() product: ProductStock, @Ctx() ctx: InventoryContext) {
    return isAvailableForSale(ctx, product.variantSkus ?? []);
  }
}
