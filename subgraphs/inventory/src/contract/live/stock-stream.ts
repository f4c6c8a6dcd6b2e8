import { GraphQLError } from 'graphql';
import { InventoryLevelChanged, type InventoryLevelChangedPayload } from '../events';
import { LiveQueue, type BusEvent, type StreamLimits } from '#platform/events';
import { levelKey, type StockItem } from './stock-item';
/** What a stream reads its starting state and missed changes from, as its subscriber. */
export interface StockSource {
  levels(filter: { skus?: string[] | null; locationIds?: string[] | null }): Promise<StockItem[]>;
  changesSince(since: { sku: string; locationId: string; version: number }[]): Promise<StockItem[]>;
  /** Told of items about to go out together (a snapshot, a replay), so their details can be fetched in one go. */
  together?(items: readonly StockItem[]): void;
}

export const LEVEL_CHANGED = InventoryLevelChanged.topic;

export interface StockFilter {
  skus: Set<string> | null;
  locationIds: Set<string> | null;
}

export type { StreamLimits };

/**
 * One subscriber's live stock: SNAPSHOT items for the state when it started (or replayed
 * changes after the versions it resumed from), then CHANGE items as they commit, each level's
 * versions strictly increasing. Events are taken from the bus from before the snapshot is
 * read, so a change committed in between is not lost; anything at or below a version already
 * queued is dropped; a gap (a lost event) is filled from the ledger before going on.
 */
export class StockStream extends LiveQueue<StockItem> {
  private readonly last = new Map<string, number>();
  private readonly repairing = new Map<string, StockItem[]>();
  private early: StockItem[] | null = [];

  constructor(
    /** Reads as the subscriber: their token decides what they may see. */
    private readonly source: StockSource,
    private readonly filter: StockFilter,
    limits: StreamLimits,
    onEnd: () => void,
  ) {
    super((item) => levelKey(item.sku, item.locationId), limits, onEnd);
  }

  /** Reads the starting state; call after the stream receives bus events. */
  async begin(since: { sku: string; locationId: string; version: number }[]): Promise<void> {
    const levels = await this.source.levels({ skus: this.list(this.filter.skus), locationIds: this.list(this.filter.locationIds) });
    const resumeFrom = new Map(
      since.filter((c) => this.matches(c.sku, c.locationId)).map((c) => [levelKey(c.sku, c.locationId), c.version]),
    );
    const replay: { sku: string; locationId: string; version: number }[] = [];
    const snapshot: StockItem[] = [];
    for (const level of levels) {
      const seen = resumeFrom.get(levelKey(level.sku, level.locationId));
      if (seen !== undefined && seen < level.version) replay.push({ sku: level.sku, locationId: level.locationId, version: seen });
      else if (seen === undefined || seen > level.version) snapshot.push(level);
      else this.last.set(levelKey(level.sku, level.locationId), level.version);
    }
    this.source.together?.(snapshot);
    for (const item of snapshot) this.enqueue(item);
    if (replay.length) {
      const changes = await this.source.changesSince(replay);
      this.source.together?.(changes);
      for (const cursor of replay) {
        const key = levelKey(cursor.sku, cursor.locationId);
        this.last.set(key, cursor.version);
        const missed = changes.filter((c) => c.sku === cursor.sku && c.locationId === cursor.locationId);
        if (missed[0]?.version === cursor.version + 1) missed.forEach((c) => this.offer(c));
        else this.enqueue(levels.find((l) => levelKey(l.sku, l.locationId) === key) as StockItem);
      }
    }
    const early = this.early ?? [];
    this.early = null;
    for (const item of early) this.handle(item);
  }

  /**
   * Bus events; before `begin` finishes they wait, so the snapshot and the feed meet exactly.
   * Each payload is read through inventory's contract; one that does not match it is skipped,
   * and the version gap it leaves is filled from the ledger like a lost event.
   */
  receive(events: BusEvent[]): void {
    if (this.done) return;
    for (const event of events) {
      const item = toItem(event);
      if (!item || !this.matches(item.sku, item.locationId)) continue;
      if (this.early) this.early.push(item);
      else this.handle(item);
    }
  }

  private handle(item: StockItem): void {
    const key = levelKey(item.sku, item.locationId);
    const held = this.repairing.get(key);
    if (held) {
      held.push(item);
      return;
    }
    const last = this.last.get(key);
    if (last !== undefined && item.version > last + 1) {
      this.repairing.set(key, [item]);
      void this.repair(key, item.sku, item.locationId, last);
      return;
    }
    this.offer(item);
  }

  /** A version went missing on the bus: fetch what the ledger has, then carry on. */
  private async repair(key: string, sku: string, locationId: string, after: number): Promise<void> {
    try {
      for (const item of await this.source.changesSince([{ sku, locationId, version: after }])) this.offer(item);
    } catch (error) {
      this.fail(new GraphQLError(`Live stock lost track of ${sku}; resubscribe with since to resume (${(error as Error).message})`));
      return;
    }
    const held = this.repairing.get(key) ?? [];
    this.repairing.delete(key);
    for (const item of held) this.offer(item);
  }

  /** Queues an item unless its version was already queued for that level. */
  private offer(item: StockItem): void {
    const key = levelKey(item.sku, item.locationId);
    const last = this.last.get(key);
    if (last !== undefined && item.version <= last) return;
    this.last.set(key, item.version);
    this.enqueue(item);
  }

  private enqueue(item: StockItem): void {
    if (this.done) return;
    const key = levelKey(item.sku, item.locationId);
    this.last.set(key, Math.max(this.last.get(key) ?? 0, item.version));
    this.push(item);
  }

  private matches(sku: string, locationId: string): boolean {
    return (!this.filter.skus || this.filter.skus.has(sku)) && (!this.filter.locationIds || this.filter.locationIds.has(locationId));
  }

  private list(set: Set<string> | null): string[] | null {
    return set ? [...set] : null;
  }
}

/** Every subscriber's stream receives the same bus events; each is read through the contract once. */
const itemOf = new WeakMap<BusEvent, StockItem | null>();

/** A change event as a stream item; null for another topic or a payload that breaks the contract. */
function toItem(event: BusEvent): StockItem | null {
  if (event.topic !== LEVEL_CHANGED) return null;
  let item = itemOf.get(event);
  if (item === undefined) {
    item = readChange(event);
    itemOf.set(event, item);
  }
  return item;
}

function readChange(event: BusEvent): StockItem | null {
  let p: InventoryLevelChangedPayload;
  try {
    p = InventoryLevelChanged.parse(event.payload);
  } catch {
    // Only a payload that breaks the contract (EventContractError) throws here.
    return null;
  }
  return {
    kind: 'CHANGE',
    sku: p.sku,
    locationId: p.locationId,
    onHand: p.onHand,
    reserved: p.reserved,
    available: p.available,
    delta: p.delta,
    reason: p.reason,
    version: p.version,
    occurredAt: p.occurredAt,
    eventKey: `event:${event.schema}:${event.id}`,
  };
}
