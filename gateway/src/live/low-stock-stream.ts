import type { BusEvent } from '#platform/events';
import type { LowStockItem } from './stock-item';

export const LEVEL_LOW = 'inventory.level.low';

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

  receive(events: BusEvent[]): void {
    for (const event of events) {
      if (this.done || event.topic !== LEVEL_LOW) continue;
      const p = event.payload as Record<string, number | string>;
      if (this.locationIds && !this.locationIds.has(String(p.locationId))) continue;
      const item: LowStockItem = {
        sku: String(p.sku),
        locationId: String(p.locationId),
        available: Number(p.available),
        lowStockThreshold: Number(p.lowStockThreshold),
        version: Number(p.version),
        occurredAt: String(p.occurredAt ?? event.createdAt),
        eventKey: `event:${event.schema}:${event.id}`,
      };
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
