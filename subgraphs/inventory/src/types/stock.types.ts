import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { InventoryLevel, Location, StockMovement } from '../entities';

@ObjectType({ description: 'Stock of a variant summed over every location, with the levels it sums.' })
export class InventorySummary {
  /** The SKU summed. */
  sku!: string;

  @Field(() => Int, { description: 'Units physically held, summed over all locations.' })
  onHand!: number;

  @Field(() => Int, { description: 'Units held for checkouts and unshipped orders, summed over all locations.' })
  reserved!: number;

  @Field(() => Int, { description: 'Units that can be sold now (onHand - reserved), summed over all locations.' })
  available!: number;

  @Field(() => Int, { description: 'Units on submitted purchase orders and transfers in transit, summed over all locations.' })
  incoming!: number;

  @Field(() => [InventoryLevel], { description: 'The stock at each location that holds the SKU.' })
  levels!: InventoryLevel[];
}

@ObjectType({ description: 'Where a variant can be collected: a location, how many are available, how far.' })
export class StoreAvailability {
  /** The SKU available. */
  sku!: string;

  @Field(() => Location, { description: 'The store.' })
  location!: Location;

  @Field(() => Int, { description: 'Units the store can sell now (onHand - reserved).' })
  available!: number;

  @Field(() => Float, { nullable: true, description: 'Kilometres from the point asked about; null without one.' })
  distanceKm!: number | null;
}

/** ProductVariant as inventory knows it: by SKU, the key every channel shares. */
@ObjectType('ProductVariant')
@Directive('@key(fields: "sku")')
export class VariantStock {
  @Field(() => String)
  sku!: string;
}

/** Product as inventory knows it: its variants' SKUs, supplied by the products subgraph. */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductStock {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Product/<key>`.' })
  id!: string;

  @Field(() => [String])
  @Directive('@external')
  variantSkus!: string[];
}

@ObjectType({ description: 'A page of inventory levels.' })
export class InventoryLevelConnection extends Connection(InventoryLevel) {}

@ObjectType({ description: 'A page of stock movements, newest first.' })
export class StockMovementConnection extends Connection(StockMovement) {}

@ObjectType({ description: 'A page of locations.' })
export class LocationConnection extends Connection(Location) {}
