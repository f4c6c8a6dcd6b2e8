import { GraphQLError } from 'graphql';
import { Role, type Viewer } from '#platform/auth';
import type { EventFeed } from '#platform/events';
import { inventoryLevelKey, keyOfId, toGlobalId } from '#platform/ids';
import { LowStockStream } from './low-stock-stream';
import { StockStream, type StockSource, type StreamLimits } from './stock-stream';

/**
 * How `stockChanged` and `lowStockAlert` open, wherever they are served: by our gateway's fan-out
 * and by the inventory subgraph itself (for any gateway that forwards subscriptions). Both read
 * the same outbox events through the same streams, so ordering, `since` and the kiosk rule agree.
 */

export interface StockChangedArgs {
  skus?: string[] | null;
  locationIds?: string[] | null;
  since?: { sku: string; locationId: string; version: number }[] | null;
}

/** The global id of the level a live item is about: the one `InventoryLevel.id` answers. */
export const levelGlobalId = (item: { sku: string; locationId: string }) =>
  toGlobalId('InventoryLevel', inventoryLevelKey(item.locationId, item.sku));

/** Kiosks see their own location only; everyone else sees what they asked for (database ids). */
export function scopedLocations(viewer: Viewer, requested: string[] | null | undefined): string[] | null {
  const asked = requested?.map((id) => keyOfId(id, 'Location'));
  if (viewer.role !== Role.KIOSK) return asked ?? null;
  if (!viewer.locationId) throw new GraphQLError('This kiosk token names no location', { extensions: { code: 'FORBIDDEN' } });
  if (asked?.some((id) => id !== viewer.locationId)) {
    throw new GraphQLError('A kiosk sees the stock of its own location only', { extensions: { code: 'FORBIDDEN' } });
  }
  return [viewer.locationId];
}

/**
 * A subscriber's live stock: on the feed first, then the starting state read through `source`
 * (as the subscriber), so nothing committed in between is lost.
 */
export async function openStockChanges(
  feed: EventFeed,
  source: StockSource,
  viewer: Viewer,
  args: StockChangedArgs,
  limits: StreamLimits,
): Promise<StockStream> {
  const locationIds = scopedLocations(viewer, args.locationIds);
  const since = (args.since ?? []).map((cursor) => ({ ...cursor, locationId: keyOfId(cursor.locationId, 'Location') }));
  const stream: StockStream = new StockStream(
    source,
    { skus: args.skus ? new Set(args.skus) : null, locationIds: locationIds ? new Set(locationIds) : null },
    limits,
    () => remove(),
  );
  const remove = feed.add(stream);
  try {
    await stream.begin(since);
  } catch (error) {
    await stream.return();
    throw error;
  }
  return stream;
}

/** A subscriber's low-stock alerts, from now on. */
export function openLowStockAlerts(
  feed: EventFeed,
  viewer: Viewer,
  args: { locationIds?: string[] | null },
  limits: StreamLimits,
): LowStockStream {
  const locationIds = scopedLocations(viewer, args.locationIds);
  const stream: LowStockStream = new LowStockStream(locationIds ? new Set(locationIds) : null, limits.maxQueued, () => remove());
  const remove = feed.add(stream);
  return stream;
}
