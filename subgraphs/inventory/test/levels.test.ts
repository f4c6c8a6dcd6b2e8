import { randomBytes } from 'node:crypto';
import { demoSkus } from '../../products/src/seed/seed-demo-catalog';
import { gql, gqlData } from '../../../test/support/graphql-client';
import {
  inventoryRows,
  ledgerMismatches,
  levelOf,
  seedStock,
  startInventory,
  type InventoryHarness,
} from '../../../test/support/inventory';
import { ADJUST_STOCK } from '../../../test/support/documents';
import { Role } from '#platform/auth';
import { SalesChannel } from '#platform/graphql';
import { bearer } from '../../../test/support/tokens';
import { InventoryLevelChanged, InventoryLevelLow } from '../src/contract';
import { StockMovementReason } from '../src/entities';
import { applyStockChanges, levelEvents, type StockChange } from '../src/services/stock-ledger';

let inv: InventoryHarness;
let loc: Record<string, string>;
let berlin: string;
const [SKU, SKU2, SKU3] = demoSkus();

beforeAll(async () => {
  inv = await startInventory();
  loc = await seedStock(inv);
  berlin = loc['Velocity Cycles Berlin Mitte'];
});
afterAll(() => inv.close());

const ADJUST = ADJUST_STOCK;

async function snapshot() {
  return {
    movements: await inventoryRows(inv, 'stock_movement'),
    events: await inventoryRows(inv, 'outbox_event'),
    level: await levelOf(inv, SKU, berlin),
  };
}

describe('inventoryAdjust', () => {
  it('changes stock with a reason, bumps the version, writes the ledger and an event', async () => {
    const before = await snapshot();
    const result = (
      await gqlData(inv.url, ADJUST, { input: { sku: SKU, locationId: berlin, delta: 5, reason: 'RECEIVED', reference: 'delivery-77' } })
    ).inventoryAdjust;
    expect(result.userErrors).toEqual([]);
    expect(result.inventoryLevel).toMatchObject({
      sku: SKU,
      onHand: before.level!.onHand + 5,
      version: before.level!.version + 1,
      location: { name: 'Velocity Cycles Berlin Mitte' },
    });
    const after = await snapshot();
    expect(after.movements).toBe(before.movements + 1);
    expect(after.events).toBeGreaterThan(before.events);
    const ledger = await gqlData(
      inv.url,
      `query($sku: String, $loc: ID) { stockMovements(sku: $sku, locationId: $loc, first: 1) { nodes { reason quantity onHandAfter reference version } } }`,
      { sku: SKU, loc: berlin },
    );
    expect(ledger.stockMovements.nodes[0]).toEqual({
      reason: 'RECEIVED',
      quantity: 5,
      onHandAfter: before.level!.onHand + 5,
      reference: 'delivery-77',
      version: before.level!.version + 1,
    });
  });

  it.each([
    ['an unknown SKU', { sku: 'NO-SUCH-SKU', delta: 1, reason: 'RECEIVED' }, ['input', 'sku'], 'UNKNOWN_SKU'],
    [
      'an unknown location',
      { locationId: '00000000-0000-4000-8000-000000000000', delta: 1, reason: 'RECEIVED' },
      ['input', 'locationId'],
      'NOT_FOUND',
    ],
    ['a zero delta', { delta: 0, reason: 'CORRECTION' }, ['input', 'delta'], 'INVALID'],
    ['damage that adds stock', { delta: 3, reason: 'DAMAGED' }, ['input', 'delta'], 'INVALID'],
    ['a reason only the system records', { delta: 3, reason: 'TRANSFER_IN' }, ['input', 'reason'], 'INVALID'],
    ['a stale expected quantity', { delta: -1, reason: 'LOST', expectedOnHand: 99_999 }, ['input', 'expectedOnHand'], 'STALE_QUANTITY'],
    ['removing more than is available', { delta: -1_000_000, reason: 'LOST' }, ['input', 'delta'], 'INSUFFICIENT_STOCK'],
  ])('refuses %s with a clear user error and changes nothing', async (_label, change, field, code) => {
    const before = await snapshot();
    const result = (await gqlData(inv.url, ADJUST, { input: { sku: SKU, locationId: berlin, ...change } })).inventoryAdjust;
    expect(result.inventoryLevel).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await snapshot()).toEqual(before);
  });

  it('applies with the right expected quantity', async () => {
    const before = await levelOf(inv, SKU, berlin);
    const result = (
      await gqlData(inv.url, ADJUST, {
        input: { sku: SKU, locationId: berlin, delta: -1, reason: 'DAMAGED', expectedOnHand: before!.onHand },
      })
    ).inventoryAdjust;
    expect(result.inventoryLevel?.onHand).toBe(before!.onHand - 1);
  });

  it('replays a retry under the same idempotency key and refuses the key for another request', async () => {
    const input = { sku: SKU2, locationId: berlin, delta: 2, reason: 'RETURN' };
    const before = await snapshot();
    const first = (await gqlData(inv.url, ADJUST, { input, key: 'adj-1' })).inventoryAdjust;
    const again = (await gqlData(inv.url, ADJUST, { input, key: 'adj-1' })).inventoryAdjust;
    expect(again).toEqual(first);
    expect(await inventoryRows(inv, 'stock_movement')).toBe(before.movements + 1);
    const reused = (await gqlData(inv.url, ADJUST, { input: { ...input, delta: 3 }, key: 'adj-1' })).inventoryAdjust;
    expect(reused.userErrors).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' })]);
    expect(await inventoryRows(inv, 'stock_movement')).toBe(before.movements + 1);
  });

  it('refuses an idempotency key longer than 200 characters with a user error, changing nothing', async () => {
    const before = await snapshot();
    const key = randomBytes(3_000).toString('base64');
    const input = { sku: SKU, locationId: berlin, delta: 1, reason: 'RECEIVED' };
    const result = (await gqlData(inv.url, ADJUST, { input, key })).inventoryAdjust;
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'INVALID' })]);
    const COUNT = `mutation($input: InventoryCountInput!, $key: String) { inventoryCount(input: $input, idempotencyKey: $key) { userErrors { field code } } }`;
    const count = (await gqlData(inv.url, COUNT, { input: { locationId: berlin, counts: [{ sku: SKU, counted: 1 }] }, key }))
      .inventoryCount;
    expect(count.userErrors).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'INVALID' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a retry with the level as the first attempt left it, even after later stock changes', async () => {
    const input = { sku: SKU2, locationId: berlin, delta: 2, reason: 'RECEIVED' };
    const first = (await gqlData(inv.url, ADJUST, { input, key: 'adj-replay-later' })).inventoryAdjust;
    expect(first.userErrors).toEqual([]);
    await gqlData(inv.url, ADJUST, { input: { sku: SKU2, locationId: berlin, delta: -1, reason: 'DAMAGED' } });
    const again = (await gqlData(inv.url, ADJUST, { input, key: 'adj-replay-later' })).inventoryAdjust;
    expect(again).toEqual(first);
  });

  it("keeps each caller's idempotency keys apart: another caller's equal key neither replays nor refuses their change", async () => {
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    const [berlinStaff, otherBerlinStaff, hamburgStaff] = await Promise.all([
      bearer(Role.STAFF, { locationId: berlin }),
      bearer(Role.STAFF, { locationId: berlin }),
      bearer(Role.STAFF, { locationId: hamburg }),
    ]);
    const input = { sku: SKU3, locationId: berlin, delta: 1, reason: 'RECEIVED' };
    const before = { berlin: (await levelOf(inv, SKU3, berlin))!.onHand, hamburg: (await levelOf(inv, SKU3, hamburg))!.onHand };
    const first = (await gqlData(inv.url, ADJUST, { input, key: 'till-1' }, berlinStaff)).inventoryAdjust;
    expect(first.userErrors).toEqual([]);
    const elsewhere = (await gqlData(inv.url, ADJUST, { input: { ...input, locationId: hamburg }, key: 'till-1' }, hamburgStaff))
      .inventoryAdjust;
    expect(elsewhere.userErrors).toEqual([]);
    const colleague = (await gqlData(inv.url, ADJUST, { input, key: 'till-1' }, otherBerlinStaff)).inventoryAdjust;
    expect(colleague.userErrors).toEqual([]);
    expect((await levelOf(inv, SKU3, berlin))!.onHand).toBe(before.berlin + 2);
    expect((await levelOf(inv, SKU3, hamburg))!.onHand).toBe(before.hamburg + 1);
    const retry = (await gqlData(inv.url, ADJUST, { input, key: 'till-1' }, berlinStaff)).inventoryAdjust;
    expect(retry).toEqual(first);
    expect((await levelOf(inv, SKU3, berlin))!.onHand).toBe(before.berlin + 2);
  });

  it('applies concurrent retries under one key exactly once', async () => {
    const input = { sku: SKU3, locationId: berlin, delta: 4, reason: 'RECEIVED' };
    const before = await levelOf(inv, SKU3, berlin);
    const results = await Promise.all(Array.from({ length: 6 }, () => gqlData(inv.url, ADJUST, { input, key: 'adj-concurrent' })));
    expect(new Set(results.map((r) => r.inventoryAdjust.inventoryLevel?.version)).size).toBe(1);
    expect((await levelOf(inv, SKU3, berlin))!.onHand).toBe(before!.onHand + 4);
  });
});

describe('inventoryCount', () => {
  const COUNT = `mutation($input: InventoryCountInput!) { inventoryCount(input: $input) { inventoryLevels { sku onHand needsReconciliation } userErrors { field code } } }`;

  it('turns differences into COUNT_CORRECTION movements and leaves matching SKUs alone', async () => {
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    const a = await levelOf(inv, SKU, hamburg);
    const b = await levelOf(inv, SKU2, hamburg);
    const movements = await inventoryRows(inv, 'stock_movement');
    const result = (
      await gqlData(inv.url, COUNT, {
        input: {
          locationId: hamburg,
          reference: 'count-2026-11',
          counts: [
            { sku: SKU, counted: a!.onHand + 3 },
            { sku: SKU2, counted: b!.onHand, expectedOnHand: b!.onHand },
          ],
        },
      })
    ).inventoryCount;
    expect(result.userErrors).toEqual([]);
    expect(result.inventoryLevels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: SKU, onHand: a!.onHand + 3 }),
        expect.objectContaining({ sku: SKU2, onHand: b!.onHand }),
      ]),
    );
    expect(await inventoryRows(inv, 'stock_movement')).toBe(movements + 1);
    const last = await gqlData(
      inv.url,
      `query($sku: String, $loc: ID) { stockMovements(sku: $sku, locationId: $loc, first: 1) { nodes { reason quantity reference } } }`,
      { sku: SKU, loc: hamburg },
    );
    expect(last.stockMovements.nodes[0]).toEqual({ reason: 'COUNT_CORRECTION', quantity: 3, reference: 'count-2026-11' });
  });

  it('answers a retried count with the levels as the count left them, even after later stock changes', async () => {
    const leipzig = loc['Central Warehouse Leipzig'];
    const COUNT_KEYED = `mutation($input: InventoryCountInput!, $key: String) { inventoryCount(input: $input, idempotencyKey: $key) {
      inventoryLevels { sku onHand version } userErrors { field code } } }`;
    const input = { locationId: leipzig, counts: [{ sku: SKU3, counted: 7 }] };
    const first = (await gqlData(inv.url, COUNT_KEYED, { input, key: 'count-replay-later' })).inventoryCount;
    expect(first.userErrors).toEqual([]);
    await gqlData(inv.url, ADJUST, { input: { sku: SKU3, locationId: leipzig, delta: -1, reason: 'DAMAGED' } });
    const again = (await gqlData(inv.url, COUNT_KEYED, { input, key: 'count-replay-later' })).inventoryCount;
    expect(again).toEqual(first);
  });

  it('clears the reconciliation flag an offline sale raised once the SKU is counted', async () => {
    const erfurt = loc['MarketHub Fulfilment Erfurt'];
    const RECORD = `mutation($input: InventorySaleRecordInput!) { inventorySaleRecord(input: $input) { inventoryLevels { onHand needsReconciliation } userErrors { code } } }`;
    const service = await bearer(Role.SERVICE, { subject: 'service:test' });
    await gqlData(inv.url, COUNT, { input: { locationId: erfurt, counts: [{ sku: SKU2, counted: 1 }] } });
    const input = {
      idempotencyKey: 'offline-recount',
      locationId: erfurt,
      channel: 'POS',
      lines: [{ sku: SKU2, quantity: 3 }],
      offline: true,
    };
    const sold = (await gqlData(inv.url, RECORD, { input }, service)).inventorySaleRecord;
    expect(sold.inventoryLevels).toEqual([{ onHand: -2, needsReconciliation: true }]);
    const counted = (await gqlData(inv.url, COUNT, { input: { locationId: erfurt, counts: [{ sku: SKU2, counted: 4 }] } })).inventoryCount;
    expect(counted.inventoryLevels).toEqual([{ sku: SKU2, onHand: 4, needsReconciliation: false }]);
    expect((await levelOf(inv, SKU2, erfurt))!.needsReconciliation).toBe(false);
  });

  it('refuses duplicates, stale expectations, negative counts and unknown SKUs, changing nothing', async () => {
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    const movements = await inventoryRows(inv, 'stock_movement');
    const cases: [unknown[], string][] = [
      [
        [
          { sku: SKU, counted: 1 },
          { sku: SKU, counted: 2 },
        ],
        'TAKEN',
      ],
      [[{ sku: SKU, counted: 1, expectedOnHand: 123_456 }], 'STALE_QUANTITY'],
      [[{ sku: SKU, counted: -1 }], 'GREATER_THAN_OR_EQUAL_TO'],
      [[{ sku: 'GHOST-SKU', counted: 4 }], 'UNKNOWN_SKU'],
    ];
    for (const [counts, code] of cases) {
      const result = (await gqlData(inv.url, COUNT, { input: { locationId: hamburg, counts } })).inventoryCount;
      expect(result.userErrors.map((e: { code: string }) => e.code)).toContain(code);
    }
    expect(await inventoryRows(inv, 'stock_movement')).toBe(movements);
  });
});

describe('a level counted or adjusted for the first time', () => {
  const COUNT = `mutation($input: InventoryCountInput!) { inventoryCount(input: $input) { inventoryLevels { sku onHand } userErrors { field code } } }`;
  const CREATE = `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id } userErrors { code } } }`;
  const newLocation = async (name: string) =>
    (
      await gqlData(inv.url, CREATE, {
        input: { name, type: 'WAREHOUSE', address: { address1: 'Lager 1', city: 'Kassel', countryCode: 'DE' } },
      })
    ).locationCreate.location.id as string;

  it('counts of a SKU never stocked here sent at once set onHand to what was counted, not to the sum of the counts', async () => {
    const depot = await newLocation('Velocity Cycles Depot Kassel');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => gqlData(inv.url, COUNT, { input: { locationId: depot, counts: [{ sku: SKU, counted: 5 }] } })),
    );
    for (const r of results) expect(r.inventoryCount.userErrors).toEqual([]);
    expect((await levelOf(inv, SKU, depot))!.onHand).toBe(5);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it('adjustments expecting 0 on hand of a SKU never stocked here sent at once apply once; the others are STALE_QUANTITY', async () => {
    const depot = await newLocation('Velocity Cycles Depot Fulda');
    const input = { sku: SKU2, locationId: depot, delta: 3, reason: 'RECEIVED', expectedOnHand: 0 };
    const results = await Promise.all(Array.from({ length: 4 }, () => gqlData(inv.url, ADJUST, { input })));
    const codes = results.flatMap((r) => r.inventoryAdjust.userErrors.map((e) => e.code));
    expect(codes).toEqual(['STALE_QUANTITY', 'STALE_QUANTITY', 'STALE_QUANTITY']);
    expect((await levelOf(inv, SKU2, depot))!.onHand).toBe(3);
  });
});

describe('low stock', () => {
  it('lists levels at or below their threshold and raises an event when one crosses it', async () => {
    const leipzig = loc['Central Warehouse Leipzig'];
    const level = await levelOf(inv, SKU, leipzig);
    await gqlData(inv.url, `mutation($input: LowStockThresholdInput!) { lowStockThresholdSet(input: $input) { userErrors { code } } }`, {
      input: { sku: SKU, locationId: leipzig, threshold: level!.available - 2 },
    });
    const lowEvents = async () =>
      Number(
        (
          await inv.server.orm.em
            .getConnection()
            .getKnex()('inventory.outbox_event')
            .where({ topic: 'inventory.level.low', key: `${SKU}@${leipzig}` })
            .count({ n: '*' })
            .first()
        )?.n,
      );
    const before = await lowEvents();
    const LOW = `query($loc: ID) { inventoryLevels(locationId: $loc, lowStockOnly: true, first: 250) { nodes { sku available lowStockThreshold } } }`;
    expect((await gqlData(inv.url, LOW, { loc: leipzig })).inventoryLevels.nodes.map((n: { sku: string }) => n.sku)).not.toContain(SKU);
    await gqlData(inv.url, ADJUST, { input: { sku: SKU, locationId: leipzig, delta: -2, reason: 'SALE' } });
    expect((await gqlData(inv.url, LOW, { loc: leipzig })).inventoryLevels.nodes.map((n: { sku: string }) => n.sku)).toContain(SKU);
    expect(await lowEvents()).toBe(before + 1);
    const all = (await gqlData(inv.url, LOW, { loc: leipzig })).inventoryLevels.nodes as { available: number; lowStockThreshold: number }[];
    expect(all.every((n) => n.available <= n.lowStockThreshold)).toBe(true);
  });

  it("writes the events levelEvents describes, the change's before its low-stock alert, in the statement that changes the level", async () => {
    const leipzig = loc['Central Warehouse Leipzig'];
    const level = (await levelOf(inv, SKU3, leipzig))!;
    await gqlData(inv.url, `mutation($input: LowStockThresholdInput!) { lowStockThresholdSet(input: $input) { userErrors { code } } }`, {
      input: { sku: SKU3, locationId: leipzig, threshold: level.available - 2 },
    });
    const knex = inv.server.orm.em.getConnection().getKnex();
    const [{ id: lastEvent }] = (await knex.raw(`select coalesce(max(id), 0)::int as id from inventory.outbox_event`)).rows;
    const change: StockChange = {
      sku: SKU3,
      locationId: leipzig,
      reserved: 2,
      reason: StockMovementReason.RESERVATION,
      guard: 'available',
      channel: SalesChannel.WEB,
      reference: 'cart:levels',
      occurredAt: new Date('2026-01-02T03:04:05.678Z'),
    };
    const [after] = await inv.server.orm.em.fork().transactional((em) => applyStockChanges(em, [change]));
    const rows: { topic: string; key: string; payload: unknown }[] = (
      await knex.raw(`select topic, key, payload from inventory.outbox_event where id > ? order by id`, [lastEvent])
    ).rows;
    const expected = levelEvents(after, change, new Date());
    expect(expected.map((e) => e.topic)).toEqual([InventoryLevelChanged.topic, InventoryLevelLow.topic]);
    expect(rows).toEqual(expected);
    expect(InventoryLevelLow.parse(rows[1].payload)).toEqual(expected[1].payload);

    // Giving the units back crosses no threshold: the change's event alone.
    const back = { ...change, reserved: -2, reason: StockMovementReason.RELEASE, guard: 'none' as const };
    const [restored] = await inv.server.orm.em.fork().transactional((em) => applyStockChanges(em, [back]));
    const more: unknown[] = (
      await knex.raw(`select topic, key, payload from inventory.outbox_event where id > ? order by id`, [lastEvent])
    ).rows.slice(2);
    expect(more).toEqual(levelEvents(restored, back, new Date()));
    expect(restored).toMatchObject({ reserved: level.reserved, version: level.version + 2 });
  });

  it('refuses a negative threshold', async () => {
    const result = await gqlData(
      inv.url,
      `mutation { lowStockThresholdSet(input: { sku: "${SKU}", locationId: "${berlin}", threshold: -1 }) { userErrors { field code } } }`,
    );
    expect(result.lowStockThresholdSet.userErrors).toEqual([{ field: ['input', 'threshold'], code: 'GREATER_THAN_OR_EQUAL_TO' }]);
  });
});

describe('the ledger', () => {
  it('sums to onHand and reserved for every level after all of the above', async () => {
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it('refuses forged list cursors the database cannot read (a NUL in a SKU, a date out of range) as BAD_USER_INPUT', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const probes: [string, unknown[]][] = [
      ['inventoryLevels', ['a\u0000', id]],
      ['inventoryTransfers', ['+275760-09-13T00:00:00.000Z', id]],
      ['inventoryTransfers', ['-000001-01-01T00:00:00Z', id]],
      ['purchaseOrders', ['+275760-09-13T00:00:00.000Z', id]],
    ];
    for (const [list, values] of probes) {
      const result = await gql(inv.url, `query($c: String) { ${list}(first: 2, after: $c) { nodes { __typename } } }`, {
        c: cursor(values),
      });
      expect([list, result.errors?.[0].extensions]).toEqual([
        list,
        expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'after' }),
      ]);
    }
  });

  it('refuses a forged cursor past the largest movement id as BAD_USER_INPUT, not an internal error', async () => {
    const after = Buffer.from(JSON.stringify(['99999999999999999999999'])).toString('base64url');
    for (const [argument, page] of [
      ['after', 'first: 2, after: $c'],
      ['before', 'last: 2, before: $c'],
    ]) {
      const result = await gql(inv.url, `query($c: String) { stockMovements(${page}) { nodes { id } } }`, { c: after });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    }
  });

  it('answers "when and through which channel was this sold", newest first, page by page', async () => {
    await gqlData(inv.url, ADJUST, { input: { sku: SKU2, locationId: berlin, delta: -1, reason: 'SALE', reference: 'till-receipt-9' } });
    const sales = await gqlData(
      inv.url,
      `query($sku: String) { stockMovements(sku: $sku, reason: SALE, first: 5) { nodes { reason quantity occurredAt reference location { name } } } }`,
      { sku: SKU2 },
    );
    expect(sales.stockMovements.nodes[0]).toMatchObject({
      reason: 'SALE',
      quantity: -1,
      reference: 'till-receipt-9',
      location: { name: 'Velocity Cycles Berlin Mitte' },
    });
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: MovementPage = await gqlData<MovementPage>(
        inv.url,
        `query($after: String, $loc: ID) { stockMovements(locationId: $loc, first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after, loc: berlin },
      );
      ids.push(...page.stockMovements.nodes.map((n) => n.id));
      after = page.stockMovements.pageInfo.hasNextPage ? page.stockMovements.pageInfo.endCursor : null;
    } while (after);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

type MovementPage = { stockMovements: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

describe('locations', () => {
  const CREATE = `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id name type pickupEnabled coordinates { latitude } address { city countryCode } } userErrors { field code } } }`;
  const address = { address1: 'Hafenstraße 1', city: 'Bremen', countryCode: 'DE' };

  it('creates and updates a location, refusing a taken name and a bad country code', async () => {
    const created = (
      await gqlData(inv.url, CREATE, {
        input: {
          name: 'Velocity Cycles Bremen',
          type: 'STORE',
          address,
          coordinates: { latitude: 53.08, longitude: 8.8 },
          pickupEnabled: true,
        },
      })
    ).locationCreate;
    expect(created).toMatchObject({
      userErrors: [],
      location: { type: 'STORE', pickupEnabled: true, coordinates: { latitude: 53.08 }, address: { city: 'Bremen', countryCode: 'DE' } },
    });
    const taken = (await gqlData(inv.url, CREATE, { input: { name: 'Velocity Cycles Bremen', type: 'STORE', address } })).locationCreate;
    expect(taken.userErrors).toEqual([{ field: ['input', 'name'], code: 'TAKEN' }]);
    const country = (
      await gqlData(inv.url, CREATE, { input: { name: 'Elsewhere', type: 'WAREHOUSE', address: { ...address, countryCode: 'Germany' } } })
    ).locationCreate;
    expect(country.userErrors).toEqual([{ field: ['input', 'address', 'countryCode'], code: 'INVALID' }]);
    const latitude = await gql(inv.url, CREATE, {
      input: { name: 'Nowhere', type: 'WAREHOUSE', address, coordinates: { latitude: 91, longitude: 0 } },
    });
    expect(latitude.data?.locationCreate.userErrors).toEqual([
      { field: ['input', 'coordinates', 'latitude'], code: 'LESS_THAN_OR_EQUAL_TO' },
    ]);
    const updated = await gqlData(
      inv.url,
      `mutation($id: ID!) { locationUpdate(id: $id, input: { pickupEnabled: false, name: "Velocity Cycles Bremen Hafen" }) { location { name pickupEnabled } userErrors { code } } }`,
      { id: created.location.id },
    );
    expect(updated.locationUpdate).toEqual({ location: { name: 'Velocity Cycles Bremen Hafen', pickupEnabled: false }, userErrors: [] });
  });
});
