import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { InventoryLevel, Location, StockMovement } from '../entities';

@ObjectType({ description: 'Stock of a variant summed over every location, with the levels it sums.' })
export class InventorySummary {
  /** The SKU summed. */
  sku!: string;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  incoming!: number;

  @Field(() => [InventoryLevel])
  levels!: InventoryLevel[];
}

@ObjectType({ description: 'Where a variant can be collected: a location, how many are available, how far.' })
export class StoreAvailability {
  /** The SKU available. */
  sku!: string;

  @Field(() => Location)
  location!: Location;

  @Field(() => Int)
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
  @Field(() => ID)
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
