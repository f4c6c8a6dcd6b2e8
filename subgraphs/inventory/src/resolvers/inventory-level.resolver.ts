import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { ConnectionArgs, MAX_PAGE_SIZE, SalesChannel, toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryLevel, Location, StockMovement, StockMovementReason } from '../entities';
import { InventoryAdjustInput, InventoryCountInput, LowStockThresholdInput } from '../inputs/inventory-adjust.input';
import { InventoryAdjustPayload, InventoryCountPayload, LowStockThresholdSetPayload } from '../payloads';
import { adjustInventory, countInventory } from '../services/inventory-adjust.service';
import { changesSince, listLevels, listMovements } from '../services/stock-query.service';
import { StockCursorInput } from '../inputs/stock-cursor.input';
import { setLowStockThreshold } from '../services/threshold.service';
import { InventoryLevelConnection, StockMovementConnection } from '../types/stock.types';

@Resolver(() => InventoryLevel)
export class InventoryLevelResolver {
  @Query(() => InventoryLevelConnection, { description: "Stock levels by SKU; one location's, or only the low ones." })
  inventoryLevels(
    @Ctx() ctx: InventoryContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('locationId', () => ID, { nullable: true, description: 'Only this location.' }) locationId?: string,
    @Arg('sku', () => String, { nullable: true, description: 'Only this SKU.' }) sku?: string,
    @Arg('lowStockOnly', () => Boolean, { nullable: true, description: 'Only levels at or below their low-stock threshold.' })
    lowStockOnly?: boolean,
    @Arg('skus', () => [String], { nullable: true, description: 'Any of these SKUs.' }) skus?: string[],
    @Arg('locationIds', () => [ID], { nullable: true, description: 'At any of these locations.' }) locationIds?: string[],
  ) {
    return listLevels(ctx, { ...args, locationId, sku, lowStockOnly, skus, locationIds });
  }

  @FieldResolver(() => Location, { description: 'Where the stock is.' })
  location(@Root() level: InventoryLevel, @Ctx() ctx: InventoryContext) {
    return ctx.loaders.locationById.load(level.locationId);
  }

  @FieldResolver(() => Int, { description: 'onHand - reserved: what can be sold now.' })
  available(@Root() level: InventoryLevel): number {
    return level.onHand - level.reserved;
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => InventoryAdjustPayload, { description: 'Changes stock at a location by a delta, with a reason (staff of the store).' })
  async inventoryAdjust(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryAdjustInput, { description: 'What to change, where and why.' }) input: InventoryAdjustInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: 'Makes a retry safe: the same key and input answer the first result; the same key with other input is refused.',
    })
    idempotencyKey?: string,
  ) {
    return toPayload(await adjustInventory(ctx, input, idempotencyKey), (inventoryLevel) => ({ inventoryLevel }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => InventoryCountPayload, {
    description: 'Records counted quantities; differences become COUNT_CORRECTION movements (staff of the store).',
  })
  async inventoryCount(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryCountInput, { description: 'The location and what was counted.' }) input: InventoryCountInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: 'Makes a retry safe: the same key and input answer the first result.',
    })
    idempotencyKey?: string,
  ) {
    return toPayload(await countInventory(ctx, input, idempotencyKey), (inventoryLevels) => ({ inventoryLevels }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => LowStockThresholdSetPayload, {
    description: 'Sets (or clears) the low-stock threshold of a SKU at a location (staff of the store).',
  })
  async lowStockThresholdSet(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => LowStockThresholdInput, { description: 'The SKU, location and threshold.' }) input: LowStockThresholdInput,
  ) {
    return toPayload(await setLowStockThreshold(ctx, input), (inventoryLevel) => ({ inventoryLevel }));
  }
}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => StockMovementConnection, {
    description: 'The stock ledger, newest first: when, why and through which channel stock moved (staff).',
  })
  stockMovements(
    @Ctx() ctx: InventoryContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('sku', () => String, { nullable: true, description: 'Only this SKU.' }) sku?: string,
    @Arg('locationId', () => ID, { nullable: true, description: 'Only this location.' }) locationId?: string,
    @Arg('reason', () => StockMovementReason, { nullable: true, description: 'Only movements with this reason.' })
    reason?: StockMovementReason,
    @Arg('channel', () => SalesChannel, { nullable: true, description: 'Only movements from this channel.' }) channel?: SalesChannel,
  ) {
    return listMovements(ctx, { ...args, sku, locationId, reason, channel });
  }

  @Query(() => [StockMovement], {
    description:
      'Changes after the versions given, ordered by level and then version: how live stock resumes. Ask again from the last versions seen while a page comes back full.',
  })
  stockChanges(
    @Ctx() ctx: InventoryContext,
    @Arg('since', () => [StockCursorInput], { description: 'The last version seen per SKU and location.' }) since: StockCursorInput[],
    @Arg('first', () => Int, { nullable: true, defaultValue: MAX_PAGE_SIZE, description: 'Most changes to return, 1 to 250.' })
    first: number,
  ) {
    return changesSince(ctx, since, first);
  }

  @FieldResolver(() => Int, { description: 'reserved after this movement.' })
  reservedAfter(@Root() movement: StockMovement): number {
    return movement.onHandAfter - movement.availableAfter;
  }

  @FieldResolver(() => Location, { description: 'Where the stock moved.' })
  location(@Root() movement: StockMovement, @Ctx() ctx: InventoryContext) {
    return ctx.loaders.locationById.load(movement.locationId);
  }
}
