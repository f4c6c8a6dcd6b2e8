import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { inventoryLevelKey } from '#platform/ids';
import type { InventoryContext } from '../context';
import { InventoryLevel } from '../entities';
import { findLevel } from '../services/stock-query.service';
import { InventoryItemType, ReplenishmentSuggestion } from '../types/replenishment.types';
import { InventorySummary, StoreAvailability } from '../types/stock.types';

/**
 * Ids of what a client cache keeps, so a normalised cache updates a level wherever it shows
 * it. A level's id is its location and SKU, which every stock event carries too: a live
 * StockChange names the level it changes.
 */
@Resolver(() => InventoryLevel)
export class InventoryLevelIdResolver {
  @Query(() => InventoryLevel, {
    nullable: true,
    description: 'A stock level by its id (as `InventoryLevel.id` and `StockChange.levelId` give it).',
  })
  inventoryLevel(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: 'The id of the level.' }) id: string,
  ): Promise<InventoryLevel | null> {
    return findLevel(ctx, id);
  }

  @FieldResolver(() => ID, { name: 'id', description: 'Global id of the level, from its location and SKU.' })
  levelId(@Root() level: InventoryLevel): string {
    return inventoryLevelKey(level.locationId, level.sku);
  }
}

@Resolver(() => InventorySummary)
export class InventorySummaryIdResolver {
  @FieldResolver(() => ID, { name: 'id', description: "Global id of the variant's stock summary, from its SKU." })
  summaryId(@Root() summary: InventorySummary): string {
    return summary.sku;
  }
}

@Resolver(() => StoreAvailability)
export class StoreAvailabilityIdResolver {
  @FieldResolver(() => ID, { name: 'id', description: 'Global id of the availability, from its location and SKU.' })
  availabilityId(@Root() availability: StoreAvailability): string {
    return inventoryLevelKey(availability.location.id, availability.sku);
  }
}

@Resolver(() => InventoryItemType)
export class InventoryItemIdResolver {
  @FieldResolver(() => ID, { name: 'id', description: "Global id of the SKU's purchasing facts, from the SKU." })
  itemId(@Root() item: InventoryItemType): string {
    return item.sku;
  }
}

@Resolver(() => ReplenishmentSuggestion)
export class ReplenishmentSuggestionIdResolver {
  @FieldResolver(() => ID, { name: 'id', description: 'Global id of the suggestion, from its location and SKU.' })
  suggestionId(@Root() suggestion: ReplenishmentSuggestion): string {
    return inventoryLevelKey(suggestion.locationId, suggestion.sku);
  }
}

export const clientIdResolvers = [
  InventoryLevelIdResolver,
  InventorySummaryIdResolver,
  StoreAvailabilityIdResolver,
  InventoryItemIdResolver,
  ReplenishmentSuggestionIdResolver,
] as const;
