import type { BusEvent } from '#platform/events';
import { StockStream } from './stock-stream';
import type { StockSource } from './stock-source';

/** A source with nothing to snapshot, so the stream is fed by the events given here alone. */
const emptySource = { levels: async () => [], changesSince: async () => [] } as unknown as StockSource;

let id = 0;
function event(sku: string, version: number, onHand = version): BusEvent {
  id += 1;
  return {
    id,
    schema: 'inventory',
    topic: 'inventory.level.changed',
    key: `${sku}@L1`,
    createdAt: new Date().toISOString(),
    payload: {
      sku,
      locationId: 'L1',
      version,
      onHand,
      reserved: 0,
      available: onHand,
      delta: 1,
      reason: 'CORRECTION',
      occurredAt: new Date().toISOString(),
    },
  };
}

describe('a subscriber that does not read', () => {
  it('queues every change in order while it keeps up', async () => {
    const stream = new StockStream(
      emptySource,
      { skus: null, locationIds: null },
      null,
      { coalesceAbove: 100, maxQueued: 1_000 },
      () => {},
    );
    await stream.begin([]);
    stream.receive([1, 2, 3].map((v) => event('A', v)));
    const versions = [];
    for (let i = 0; i < 3; i += 1) versions.push((await stream.next()).value.version);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('coalesces per level once behind, latest wins, so memory stays bounded', async () => {
    const stream = new StockStream(emptySource, { skus: null, locationIds: null }, null, { coalesceAbove: 10, maxQueued: 50 }, () => {});
    await stream.begin([]);
    for (let v = 1; v <= 2_000; v += 1) stream.receive([event(`SKU-${v % 20}`, Math.ceil(v / 20))]);
    expect(stream.queued).toBeLessThanOrEqual(20);
    const latest = new Map<string, number>();
    for (let i = stream.queued; i > 0; i -= 1) {
      const { value } = await stream.next();
      latest.set(value.sku, value.version);
    }
    expect([...latest.values()].every((v) => v === 100)).toBe(true);
  });

  it('is ended with TOO_SLOW when even one item per level exceeds the bound', async () => {
    let ended = false;
    const stream = new StockStream(
      emptySource,
      { skus: null, locationIds: null },
      null,
      { coalesceAbove: 10, maxQueued: 50 },
      () => (ended = true),
    );
    await stream.begin([]);
    for (let v = 0; v < 200; v += 1) stream.receive([event(`SKU-${v}`, 1)]);
    expect(ended).toBe(true);
    await expect(stream.next()).rejects.toThrow(/too slowly/);
  });

  it('drops versions it already queued and events of other levels', async () => {
    const stream = new StockStream(
      emptySource,
      { skus: new Set(['A']), locationIds: null },
      null,
      { coalesceAbove: 100, maxQueued: 100 },
      () => {},
    );
    await stream.begin([]);
    stream.receive([event('A', 1), event('A', 1), event('B', 1), event('A', 2)]);
    expect(stream.queued).toBe(2);
  });
});
