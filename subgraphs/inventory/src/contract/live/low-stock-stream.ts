import { InventoryLevelLow, type InventoryLevelLowPayload } from '../events';
import type { BusEvent } from '#platform/events';
import type { LowStockItem } from './stock-item';

export const LEVEL_LOW = InventoryLevelLow.topic;

/** Low-stock alerts for some locations (or all), in the order they commit; no snapshot. */
export class LowStockStream implements AsyncIterableIterator<LowStockItem> {
  private readonly queue: LowStockItem[] = [];
  private waiting: ((result: IteratorResult<LowStockItem>) => void) | null = null;
  private done = false;

  constructor(
    private readonly locationIds: Set<string> | null,
    private readonly maxQueued: number,
    private readonly onEnd: () => void,
  ) {}

  /** Alerts are read through inventory's contract; one whose payload does not match it is skipped. */
  receive(events: BusEvent[]): void {
    if (this.done) return;
    for (const event of events) {
      const item = toAlert(event);
      if (!item || (this.locationIds && !this.locationIds.has(item.locationId))) continue;
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve({ value: item, done: false });
      } else if (this.queue.length < this.maxQueued) {
        this.queue.push(item);
      }
    }
  }

  next(): Promise<IteratorResult<LowStockItem>> {
    const item = this.queue.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<LowStockItem>> {
    if (!this.done) {
      this.done = true;
      this.onEnd();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Every subscriber's stream receives the same bus events; each is read through the contract once. */
const alertOf = new WeakMap<BusEvent, LowStockItem | null>();

/** A low-stock event as an alert; null for another topic or a payload that breaks the contract. */
function toAlert(event: BusEvent): LowStockItem | null {
  if (event.topic !== LEVEL_LOW) return null;
  let item = alertOf.get(event);
  if (item === undefined) {
    item = readAlert(event);
    alertOf.set(event, item);
  }
  return item;
}

function readAlert(event: BusEvent): LowStockItem | null {
  let p: InventoryLevelLowPayload;
  try {
    p = InventoryLevelLow.parse(event.payload);
  } catch {
    // Only a payload that breaks the contract (EventContractError) throws here.
    return null;
  }
  return {
    sku: p.sku,
    locationId: p.locationId,
    available: p.available,
    lowStockThreshold: p.lowStockThreshold,
    version: p.version,
    // A threshold set at or above what is available is no movement, so it has no time of its own.
    occurredAt: p.occurredAt ?? event.createdAt,
    eventKey: `event:${event.schema}:${event.id}`,
  };
}
