import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { LowStockItem, StockItem } from '#contracts/inventory';
import type { InventoryContext } from '../context';
import { InventoryLevel, Location } from '../entities';
import { StockChangedArgs } from '../inputs/stock-changed.args';
import {
  liveItemLevel,
  liveItemLevelKey,
  liveItemLocation,
  openLowStockStream,
  openStockChangedStream,
} from '../services/live-stock.service';
import { LowStockAlert, StockChange } from '../types/live-stock.types';
import type { VariantStock } from '../types/stock.types';

/**
 * Live stock served by inventory itself over graphql-ws, so any gateway that forwards
 * subscriptions (Hive Gateway, Apollo Router) serves it; our gateway fans the same streams out
 * itself. Each event resolves on a fresh context (the platform's subscription server).
 */
@Resolver(() => StockChange)
export class StockChangeResolver {
  @Subscription(() => StockChange, {
    description:
      'Live stock: first a SNAPSHOT item per matching level, then every CHANGE as it commits. With `since`, levels resume after the versions given (what was missed is replayed), others snapshot. Kiosk tokens see their own location only.',
    subscribe: ({ args, context, info }) => openStockChangedStream(context as InventoryContext, args as StockChangedArgs, info.schema),
  })
  stockChanged(@Root() item: StockItem, @Args(() => StockChangedArgs) _args: StockChangedArgs): StockItem {
    return item;
  }

  @FieldResolver()
  levelId(@Root() item: StockItem): string {
    return liveItemLevelKey(item);
  }

  @FieldResolver()
  level(@Root() item: StockItem, @Ctx() ctx: InventoryContext): Promise<InventoryLevel | null> {
    return liveItemLevel(ctx, item);
  }

  @FieldResolver()
  location(@Root() item: StockItem, @Ctx() ctx: InventoryContext): Promise<Location | null> {
    return liveItemLocation(ctx, item);
  }

  @FieldResolver()
  variant(@Root() item: StockItem): VariantStock {
    return { sku: item.sku };
  }
}

@Resolver(() => LowStockAlert)
export class LowStockAlertResolver {
  @Subscription(() => LowStockAlert, {
    description: 'Levels falling to or below their low-stock threshold.',
    subscribe: ({ args, context }) => openLowStockStream(context as InventoryContext, args as { locationIds?: string[] | null }),
  })
  lowStockAlert(
    @Root() item: LowStockItem,
    @Arg('locationIds', () => [ID], { nullable: true, description: 'Only these locations; all when omitted.' }) _locationIds?: string[],
  ): LowStockItem {
    return item;
  }

  @FieldResolver()
  levelId(@Root() item: LowStockItem): string {
    return liveItemLevelKey(item);
  }

  @FieldResolver()
  level(@Root() item: LowStockItem, @Ctx() ctx: InventoryContext): Promise<InventoryLevel | null> {
    return liveItemLevel(ctx, item);
  }

  @FieldResolver()
  location(@Root() item: LowStockItem, @Ctx() ctx: InventoryContext): Promise<Location | null> {
    return liveItemLocation(ctx, item);
  }

  @FieldResolver()
  variant(@Root() item: LowStockItem): VariantStock {
    return { sku: item.sku };
  }
}
