import { Extensions, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InventoryLevel, Location, StockMovementReason } from '../entities';
import { VariantStock } from './stock.types';

/** Whether a live item is the state when the subscription (re)started, or a change since. */
export enum StockChangeKind {
  SNAPSHOT = 'SNAPSHOT',
  CHANGE = 'CHANGE',
}

registerEnumType(StockChangeKind, {
  name: 'StockChangeKind',
  description: 'Whether an item is the state when the subscription (re)started, or a change since.',
  valuesConfig: {
    SNAPSHOT: { description: 'The current state of a level when the subscription starts, or when history to resume from is gone.' },
    CHANGE: { description: 'A committed change, in version order per SKU and location.' },
  },
});

/** The fields every live item has; `location`, `level`, `levelId` and `variant` are resolved from `sku` and `locationId`. */
@ObjectType({ description: 'The stock of one SKU at one location, as it is now (SNAPSHOT) or as a change left it (CHANGE).' })
export class StockChange {
  /** The location's database id, as events carry it. */
  locationId!: string;

  @Field(() => StockChangeKind, {
    description: 'SNAPSHOT (the state when the subscription started or resumed) or CHANGE (a committed change).',
  })
  kind!: StockChangeKind;

  @Field(() => ID, { description: 'The id of the InventoryLevel this item is about, as `InventoryLevel.id` gives it.' })
  @Extensions({ globalIdType: 'InventoryLevel' })
  levelId!: string;

  @Field(() => InventoryLevel, {
    nullable: true,
    description:
      'The level this item is about, as it stands now: selecting it (with its `id`) lets a normalised client cache update every place that shows the level. Null (with an error) if inventory is unavailable.',
  })
  level!: InventoryLevel | null;

  @Field(() => String, { description: 'The SKU whose stock this is.' })
  sku!: string;

  @Field(() => Location, { description: 'Where the stock is.' })
  location!: Location;

  @Field(() => Int, { description: 'Units physically at the location after this change.' })
  onHand!: number;

  @Field(() => Int, { description: 'Units held for carts in checkout and unshipped orders.' })
  reserved!: number;

  @Field(() => Int, { description: 'Units that can be sold now: onHand - reserved.' })
  available!: number;

  @Field(() => Int, { nullable: true, description: 'Change of onHand; null in a SNAPSHOT.' })
  delta!: number | null;

  @Field(() => StockMovementReason, { nullable: true, description: 'Why it changed (SALE, RECEIVED, RESERVATION…); null in a SNAPSHOT.' })
  reason!: StockMovementReason | null;

  @Field(() => Int, {
    description: 'Grows by one with every change of this SKU at this location: pass the last one seen in `since` to resume.',
  })
  version!: number;

  @Field(() => Date, { description: 'When the change committed (for a SNAPSHOT, when the level last changed).' })
  occurredAt!: string;

  @Field(() => VariantStock, {
    nullable: true,
    description: 'The catalog variant, resolved through the supergraph; null (with an error) if the catalog is unavailable.',
  })
  variant!: VariantStock | null;
}

@ObjectType({ description: 'A level fell to or below its low-stock threshold.' })
export class LowStockAlert {
  /** The location's database id, as events carry it. */
  locationId!: string;

  @Field(() => ID, { description: 'The id of the InventoryLevel that is low, as `InventoryLevel.id` gives it.' })
  @Extensions({ globalIdType: 'InventoryLevel' })
  levelId!: string;

  @Field(() => InventoryLevel, {
    nullable: true,
    description: 'The level that is low, as it stands now; null (with an error) if inventory is unavailable.',
  })
  level!: InventoryLevel | null;

  @Field(() => String, { description: 'The SKU that is low.' })
  sku!: string;

  @Field(() => Location, { description: 'Where it is low.' })
  location!: Location;

  @Field(() => Int, { description: 'Units that can be sold now (onHand - reserved), at or below the threshold.' })
  available!: number;

  @Field(() => Int, { description: 'The threshold the level fell to or below.' })
  lowStockThreshold!: number;

  @Field(() => Int, { description: "The level's version after the change that made it low." })
  version!: number;

  @Field(() => Date, { description: 'When that change committed.' })
  occurredAt!: string;

  @Field(() => VariantStock, {
    nullable: true,
    description: 'The catalog variant, resolved through the supergraph; null (with an error) if the catalog is unavailable.',
  })
  variant!: VariantStock | null;
}
