import { execute, parse, type GraphQLSchema } from 'graphql';
import {
  openLowStockAlerts,
  openStockChanges,
  StockQuerySource,
  type LowStockStream,
  type StockChangedArgs,
  type StockQueryExecutor,
  type StockStream,
} from '#contracts/inventory';
import { inventoryLevelKey } from '#platform/ids';
import type { InventoryContext } from '../context';
import type { InventoryLevel, Location } from '../entities';
import { findLevel } from './stock-query.service';
import { LIVE_STOCK_LIMITS } from './live-stock-feed';

/**
 * `stockChanged` as inventory serves it to a gateway that forwards subscriptions: the same
 * stream as our gateway's, its snapshot and missed changes read with inventory's own public
 * queries as the subscriber (each on a fresh context), so both see what the token may see.
 */
export async function openStockChangedStream(ctx: InventoryContext, args: StockChangedArgs, schema: GraphQLSchema): Promise<StockStream> {
  const run: StockQueryExecutor = async <T>(query: string, variables: Record<string, unknown>) => {
    const result = await execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: ctx.rebind(ctx.em.fork(), false),
    });
    return { data: result.data as T | null | undefined, errors: result.errors };
  };
  const source = new StockQuerySource(run);
  return openStockChanges(await ctx.live.started(), source, ctx.viewer, args, LIVE_STOCK_LIMITS);
}

export async function openLowStockStream(ctx: InventoryContext, args: { locationIds?: string[] | null }): Promise<LowStockStream> {
  return openLowStockAlerts(await ctx.live.started(), ctx.viewer, args, LIVE_STOCK_LIMITS);
}

/** The level a live item is about, as it stands now. */
export function liveItemLevel(ctx: InventoryContext, item: { sku: string; locationId: string }): Promise<InventoryLevel | null> {
  return findLevel(ctx, inventoryLevelKey(item.locationId, item.sku));
}

export function liveItemLocation(ctx: InventoryContext, item: { locationId: string }): Promise<Location | null> {
  return ctx.loaders.locationById.load(item.locationId);
}

/** The level's key; the schema's edge makes it a global id. */
export const liveItemLevelKey = (item: { sku: string; locationId: string }) => inventoryLevelKey(item.locationId, item.sku);
