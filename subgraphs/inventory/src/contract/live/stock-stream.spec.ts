import { InventoryLevelChanged, InventoryLevelLow, levelEventKey } from '../events';
import type { BusEvent } from '#platform/events';
import { LowStockStream } from './low-stock-stream';
import type { StockItem } from './stock-item';
import { StockStream, type StockSource } from './stock-stream';

/** A source with nothing to snapshot, so the stream is fed by the events given here alone. */
const emptySource = { levels: async () => [], changesSince: async () => [] } as unknown as StockSource;

let id = 0;
/** The bus's envelope around an outbox row. */
function onBus(row: { topic: string; key: string; payload: Record<string, unknown> }): BusEvent {
  id += 1;
  return { id, schema: 'inventory', createdAt: new Date().toISOString(), ...row };
}

/** A change as inventory's ledger publishes it, built (and so checked) through inventory's contract. */
function event(sku: string, version: number, onHand = version): BusEvent {
  return onBus(
    InventoryLevelChanged.event(levelEventKey(sku, 'L1'), {
      sku,
      locationId: 'L1',
      version,
      onHand,
      reserved: 0,
      available: onHand,
      incoming: 0,
      delta: 1,
      reservedDelta: 0,
      reason: 'CORRECTION',
      channel: null,
      occurredAt: new Date().toISOString(),
    }),
  );
}

describe('a subscriber that does not read', () => {
  it('queues every change in order while it keeps up', async () => {
    const stream = new StockStream(emptySource, { skus: null, locationIds: null }, { coalesceAbove: 100, maxQueued: 1_000 }, () => {});
    await stream.begin([]);
    stream.receive([1, 2, 3].map((v) => event('A', v)));
    const versions = [];
    for (let i = 0; i < 3; i += 1) versions.push((await stream.next()).value.version);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('coalesces per level once behind, latest wins, so memory stays bounded', async () => {
    const stream = new StockStream(emptySource, { skus: null, locationIds: null }, { coalesceAbove: 10, maxQueued: 50 }, () => {});
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
      { coalesceAbove: 100, maxQueued: 100 },
      () => {},
    );
    await stream.begin([]);
    stream.receive([event('A', 1), event('A', 1), event('B', 1), event('A', 2)]);
    expect(stream.queued).toBe(2);
  });
});

describe('events read through the inventory contract', () => {
  it('skips a change whose payload breaks the contract and fills the gap it leaves from the ledger', async () => {
    const asked: number[] = [];
    const ledger = {
      levels: async () => [],
      changesSince: async (since: { version: number }[]) => {
        asked.push(since[0].version);
        const fromLedger: StockItem = {
          kind: 'CHANGE',
          sku: 'A',
          locationId: 'L1',
          onHand: 2,
          reserved: 0,
          available: 2,
          delta: 1,
          reason: 'CORRECTION',
          version: 2,
          occurredAt: new Date().toISOString(),
          eventKey: 'ledger:A@L1:2',
        };
        return [fromLedger];
      },
    } as unknown as StockSource;
    const stream = new StockStream(ledger, { skus: null, locationIds: null }, { coalesceAbove: 100, maxQueued: 100 }, () => {});
    await stream.begin([]);
    const broken = event('A', 2);
    broken.payload = { ...broken.payload, onHand: 'two' };
    stream.receive([event('A', 1), broken, event('A', 3)]);
    const versions = [];
    for (let i = 0; i < 3; i += 1) versions.push((await stream.next()).value.version);
    expect(versions).toEqual([1, 2, 3]);
    expect(asked).toEqual([1]);
  });

  it("delivers low-stock alerts of the locations asked for, a movement's or a threshold's, and skips broken ones", async () => {
    const stream = new LowStockStream(new Set(['L1']), 100, () => {});
    const level = { sku: 'A', version: 4, onHand: 2, reserved: 0, available: 2, incoming: 0, lowStockThreshold: 3 };
    const moved = onBus(
      InventoryLevelLow.event(levelEventKey('A', 'L1'), {
        ...level,
        locationId: 'L1',
        delta: -1,
        reservedDelta: 0,
        reason: 'SALE',
        channel: 'POS',
        occurredAt: '2026-11-30T10:00:00.000Z',
      }),
    );
    const thresholdSet = onBus(InventoryLevelLow.event(levelEventKey('A', 'L1'), { ...level, locationId: 'L1' }));
    const elsewhere = onBus(InventoryLevelLow.event(levelEventKey('A', 'L2'), { ...level, locationId: 'L2' }));
    const broken = onBus({ topic: InventoryLevelLow.topic, key: 'A@L1', payload: { sku: 'A', locationId: 'L1' } });
    stream.receive([moved, elsewhere, broken, thresholdSet]);
    const first = (await stream.next()).value;
    const second = (await stream.next()).value;
    expect(first).toMatchObject({ sku: 'A', locationId: 'L1', available: 2, lowStockThreshold: 3, occurredAt: '2026-11-30T10:00:00.000Z' });
    expect(second).toMatchObject({ locationId: 'L1', occurredAt: thresholdSet.createdAt });
    await stream.return();
    expect((await stream.next()).done).toBe(true);
  });
});
