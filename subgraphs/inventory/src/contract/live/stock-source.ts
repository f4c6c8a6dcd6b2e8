import type { GraphQLFormattedError } from 'graphql';
import { keyOfId } from '#platform/ids';
import type { StockItem } from './stock-item';
import type { StockSource } from './stock-stream';

/**
 * Runs a query as one subscriber: through the supergraph (the gateway) or against inventory's own
 * schema (inventory's subscriptions), with that subscriber's token either way.
 */
export type StockQueryExecutor = <T>(
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: T | null; errors?: readonly Pick<GraphQLFormattedError, 'message'>[] }>;

const LEVELS = `query LiveStockSnapshot($skus: [String!], $locationIds: [ID!], $after: String) {
  inventoryLevels(skus: $skus, locationIds: $locationIds, first: 250, after: $after) {
    nodes { sku onHand reserved version updatedAt location { id } }
    pageInfo { hasNextPage endCursor } } }`;

/** The inventory subgraph answers at most this many changes per call; a longer gap is read page by page. */
const CHANGES_PAGE = 250;

const CHANGES = `query LiveStockResume($since: [StockCursorInput!]!) {
  stockChanges(since: $since, first: ${CHANGES_PAGE}) { sku version quantity reason onHandAfter reservedAfter availableAfter occurredAt location { id } } }`;

interface LevelNode {
  sku: string;
  onHand: number;
  reserved: number;
  version: number;
  updatedAt: string;
  location: { id: string };
}
interface ChangeNode {
  sku: string;
  version: number;
  quantity: number;
  reason: string;
  onHandAfter: number;
  reservedAfter: number;
  availableAfter: number;
  occurredAt: string;
  location: { id: string };
}

/**
 * Reads current levels and missed changes with inventory's public queries, so a subscriber sees
 * what the same token would see by asking.
 */
export class StockQuerySource implements StockSource {
  constructor(private readonly execute: StockQueryExecutor) {}

  async levels(filter: { skus?: string[] | null; locationIds?: string[] | null }): Promise<StockItem[]> {
    const items: StockItem[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { inventoryLevels: { nodes: LevelNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      const result: { data?: Page | null; errors?: readonly { message: string }[] } = await this.execute<Page>(LEVELS, {
        skus: filter.skus ?? null,
        locationIds: filter.locationIds ?? null,
        after,
      });
      if (!result.data) throw new Error(`stock snapshot failed: ${result.errors?.[0]?.message}`);
      for (const n of result.data.inventoryLevels.nodes) {
        items.push({
          kind: 'SNAPSHOT',
          sku: n.sku,
          // Events name locations by database id; the API answers global ids.
          locationId: keyOfId(n.location.id),
          onHand: n.onHand,
          reserved: n.reserved,
          available: n.onHand - n.reserved,
          delta: null,
          reason: null,
          version: n.version,
          occurredAt: n.updatedAt,
          eventKey: `snapshot:${n.sku}@${n.location.id}#${n.version}`,
        });
      }
      if (!result.data.inventoryLevels.pageInfo.hasNextPage) return items;
      after = result.data.inventoryLevels.pageInfo.endCursor;
    }
  }

  /**
   * Every change after the given versions, oldest first per level. A page ends somewhere inside
   * the gap, so the next call starts from the last version each level reached.
   */
  async changesSince(since: { sku: string; locationId: string; version: number }[]): Promise<StockItem[]> {
    const cursors = new Map(since.map((c) => [`${c.sku}@${keyOfId(c.locationId)}`, { ...c, locationId: keyOfId(c.locationId) }]));
    const items: StockItem[] = [];
    while (cursors.size > 0) {
      const result = await this.execute<{ stockChanges: ChangeNode[] }>(CHANGES, { since: [...cursors.values()] });
      if (!result.data) throw new Error(`stock history failed: ${result.errors?.[0]?.message}`);
      const page = result.data.stockChanges;
      for (const c of page) {
        const locationId = keyOfId(c.location.id);
        items.push({
          kind: 'CHANGE',
          sku: c.sku,
          locationId,
          onHand: c.onHandAfter,
          reserved: c.reservedAfter,
          available: c.availableAfter,
          delta: c.quantity,
          reason: c.reason,
          version: c.version,
          occurredAt: c.occurredAt,
          eventKey: `ledger:${c.sku}@${c.location.id}#${c.version}`,
        });
        const cursor = cursors.get(`${c.sku}@${locationId}`);
        if (cursor && c.version > cursor.version) cursor.version = c.version;
      }
      if (page.length < CHANGES_PAGE) break;
    }
    return items;
  }
}
