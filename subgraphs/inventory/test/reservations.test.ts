import { Client } from 'pg';
import { EVENTS_CHANNEL } from '#platform/events';
import { demoSkus } from '../../products/src/seed/seed-demo-catalog';
import { InventoryLevelChanged, levelEventKey } from '../src/contract';
import { sweepExpiredReservations } from '../src/services/reservation-sweeper';
import { gqlData } from '../../../test/support/graphql-client';
import { setStock } from '../../../test/support/inventory-fixtures';
import { asService, type AuthHeaders } from '../../../test/support/tokens';
import {
  inventoryRows,
  ledgerMismatches,
  levelOf,
  seedStock,
  startInventory,
  type InventoryHarness,
} from '../../../test/support/inventory';

/**
 * Reservations are internal (@inaccessible) commands the checkout calls on the inventory
 * subgraph directly, so these tests call the subgraph, not the gateway.
 */
let inv: InventoryHarness;
let loc: Record<string, string>;
const skus = demoSkus();

/** Internal commands answer only other subgraphs: a SERVICE token. */
let service: AuthHeaders;
beforeAll(async () => {
  inv = await startInventory();
  service = await asService();
  loc = await seedStock(inv);
});
afterAll(() => inv.close());

const RESERVE = `mutation($input: InventoryReserveInput!) { inventoryReserve(input: $input) {
  reservation { id key status expiresAt lines { sku locationId quantity } } userErrors { field message code } } }`;
const COMMIT = `mutation($id: ID!) { inventoryReservationCommit(id: $id) { reservation { id status } userErrors { field code } } }`;
const RELEASE = `mutation($id: ID!) { inventoryReservationRelease(id: $id) { reservation { id status } userErrors { field code } } }`;

async function reserve(input: Record<string, unknown>) {
  return (await gqlData(inv.url, RESERVE, { input }, service)).inventoryReserve;
}

describe('a hot SKU under concurrent checkouts', () => {
  it('gives exactly 10 of 100 concurrent one-unit reservations against 10 available', async () => {
    const sku = skus[10];
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, berlin, 10);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        reserve({ key: `hot-${i}`, locationId: berlin, lines: [{ sku, quantity: 1 }], channel: 'WEB' }),
      ),
    );
    const won = results.filter((r) => r.reservation);
    const lost = results.filter((r) => !r.reservation);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(90);
    for (const r of lost) expect(r.userErrors[0]).toMatchObject({ code: 'INSUFFICIENT_STOCK', field: ['input', 'lines', '0', 'quantity'] });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it("commits each winner's ledger row and event in the level's version order, and announces the events", async () => {
    const sku = skus[11];
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, berlin, 5);
    const knex = inv.server.orm.em.getConnection().getKnex();
    const key = levelEventKey(sku, berlin);
    const listener = new Client({ connectionString: inv.products.db.url });
    await listener.connect();
    const announced = new Set<number>();
    listener.on('notification', (n) => {
      const events = (JSON.parse(n.payload ?? '{}') as { events?: { id: number; key: string }[] }).events ?? [];
      for (const e of events) if (e.key === key) announced.add(e.id);
    });
    await listener.query(`listen ${EVENTS_CHANNEL}`);
    try {
      const before = (await levelOf(inv, sku, berlin))!;
      const [{ id: lastEvent }] = (await knex.raw(`select coalesce(max(id), 0)::int as id from inventory.outbox_event`)).rows;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          reserve({ key: `hot-events-${i}`, locationId: berlin, lines: [{ sku, quantity: 1 }], channel: 'WEB' }),
        ),
      );
      expect(results.filter((r) => r.reservation)).toHaveLength(5);

      const events: { id: string; topic: string; payload: unknown }[] = (
        await knex.raw(`select id, topic, payload from inventory.outbox_event where key = ? and id > ? order by id`, [key, lastEvent])
      ).rows;
      // The level's seeded threshold adds an InventoryLevelLow after the change that crossed it.
      const changes = events.filter((e) => e.topic === InventoryLevelChanged.topic);
      expect(changes.map((e) => InventoryLevelChanged.parse(e.payload))).toEqual(
        [1, 2, 3, 4, 5].map((n) => ({
          sku,
          locationId: berlin,
          version: before.version + n,
          onHand: 5,
          reserved: n,
          available: 5 - n,
          incoming: 0,
          delta: 0,
          reservedDelta: 1,
          reason: 'RESERVATION',
          channel: 'WEB',
          occurredAt: expect.any(String),
        })),
      );
      const movements: { version: number; available_after: number }[] = (
        await knex.raw(
          `select version, available_after from inventory.stock_movement where sku = ? and location_id = ? and version > ? order by id`,
          [sku, berlin, before.version],
        )
      ).rows;
      expect(movements).toEqual([1, 2, 3, 4, 5].map((n) => ({ version: before.version + n, available_after: 5 - n })));

      // Announced after the commit, outside the transaction: the answers came back after the NOTIFY went out.
      for (let waited = 0; announced.size < events.length && waited < 2_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect([...announced].sort((a, b) => a - b)).toEqual(events.map((e) => Number(e.id)));
    } finally {
      await listener.end();
    }
  });
});

describe('reserve, commit, release', () => {
  it('holds stock at the given location, then sells it on commit, once', async () => {
    const sku = skus[11];
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    await setStock(inv, sku, hamburg, 5);
    const held = await reserve({ key: 'cart-1', locationId: hamburg, lines: [{ sku, quantity: 2 }], channel: 'APP', reference: 'cart:1' });
    expect(held.reservation).toMatchObject({ key: 'cart-1', status: 'PENDING', lines: [{ sku, locationId: hamburg, quantity: 2 }] });
    expect(await levelOf(inv, sku, hamburg)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });

    const committed = (await gqlData(inv.url, COMMIT, { id: held.reservation.id }, service)).inventoryReservationCommit;
    expect(committed.reservation.status).toBe('COMMITTED');
    expect(await levelOf(inv, sku, hamburg)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    const again = (await gqlData(inv.url, COMMIT, { id: 'cart-1' }, service)).inventoryReservationCommit;
    expect(again.reservation.status).toBe('COMMITTED');
    expect(await levelOf(inv, sku, hamburg)).toMatchObject({ onHand: 3 });
    const release = (await gqlData(inv.url, RELEASE, { id: held.reservation.id }, service)).inventoryReservationRelease;
    expect(release.userErrors).toEqual([{ field: ['id'], code: 'RESERVATION_NOT_PENDING' }]);

    const sale = await gqlData(
      inv.url,
      `query($sku: String) { stockMovements(sku: $sku, first: 1) { nodes { reason quantity channel reference } } }`,
      { sku },
    );
    expect(sale.stockMovements.nodes[0]).toEqual({ reason: 'SALE', quantity: -2, channel: 'APP', reference: 'cart:1' });
  });

  it('gives held stock back on release, and releasing twice is harmless', async () => {
    const sku = skus[12];
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, berlin, 4);
    const held = await reserve({ key: 'cart-2', locationId: berlin, lines: [{ sku, quantity: 4 }] });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ available: 0 });
    for (let i = 0; i < 2; i += 1) {
      expect((await gqlData(inv.url, RELEASE, { id: held.reservation.id }, service)).inventoryReservationRelease.reservation.status).toBe(
        'RELEASED',
      );
    }
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 4, reserved: 0 });
    const commit = (await gqlData(inv.url, COMMIT, { id: held.reservation.id }, service)).inventoryReservationCommit;
    expect(commit.userErrors).toEqual([{ field: ['id'], code: 'RESERVATION_NOT_PENDING' }]);
  });

  it('is idempotent under its key and refuses the key for other lines', async () => {
    const sku = skus[13];
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, berlin, 6);
    const input = { key: 'cart-3', locationId: berlin, lines: [{ sku, quantity: 1 }] };
    const [a, b] = await Promise.all([reserve(input), reserve(input)]);
    expect(a.reservation.id).toBe(b.reservation.id);
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ reserved: 1 });
    const other = await reserve({ ...input, lines: [{ sku, quantity: 2 }] });
    expect(other.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_MISMATCH' })]);
  });

  it('holds for a pickup only at a location that offers it; a replay of the key answers the hold made', async () => {
    const sku = skus[14];
    const warehouse = loc['Central Warehouse Leipzig'];
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, warehouse, 4);
    await setStock(inv, sku, berlin, 4);
    const refused = await reserve({ key: 'pickup-1', pickup: true, lines: [{ sku, quantity: 1, locationId: warehouse }] });
    expect(refused).toEqual({
      reservation: null,
      userErrors: [
        {
          field: ['input', 'lines', '0', 'locationId'],
          message: 'Central Warehouse Leipzig does not offer pickup',
          code: 'PICKUP_NOT_OFFERED',
        },
      ],
    });
    expect(await levelOf(inv, sku, warehouse)).toMatchObject({ reserved: 0 });
    const held = await reserve({ key: 'pickup-2', pickup: true, lines: [{ sku, quantity: 1, locationId: berlin }] });
    expect(held.reservation.lines).toEqual([{ sku, locationId: berlin, quantity: 1 }]);
    // Whether it is a pickup is checked on a new hold; the same key answers the hold, whatever it says.
    const replayed = await reserve({ key: 'pickup-2', pickup: false, lines: [{ sku, quantity: 1, locationId: berlin }] });
    expect(replayed.reservation.id).toBe(held.reservation.id);
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ reserved: 1 });
  });

  it('refuses bad lines and unknown locations, holding nothing', async () => {
    const movements = await inventoryRows(inv, 'stock_movement');
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [{ sku: skus[0], quantity: 0 }] }, 'GREATER_THAN_OR_EQUAL_TO'],
      [{ lines: [] }, 'BLANK'],
      [
        {
          lines: [
            { sku: skus[0], quantity: 1 },
            { sku: skus[0], quantity: 1 },
          ],
        },
        'TAKEN',
      ],
      [{ lines: [{ sku: skus[0], quantity: 1 }], locationId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
      [{ lines: [{ sku: skus[0], quantity: 1 }], ttlSeconds: 0 }, 'GREATER_THAN_OR_EQUAL_TO'],
      [{ lines: [{ sku: 'NOT-STOCKED', quantity: 1 }] }, 'INSUFFICIENT_STOCK'],
      [{ lines: [{ sku: skus[0], quantity: 100_000 }] }, 'INSUFFICIENT_STOCK'],
    ];
    for (const [change, code] of cases) {
      const result = await reserve({ key: `bad-${code}-${Math.random()}`, ...change });
      expect(result.reservation).toBeNull();
      expect(result.userErrors.map((e: { code: string }) => e.code)).toContain(code);
    }
    expect(await inventoryRows(inv, 'stock_movement')).toBe(movements);
  });
});

describe('choosing where to hold stock', () => {
  const sku = () => skus[20];

  beforeAll(async () => {
    await setStock(inv, sku(), loc['Velocity Cycles Berlin Mitte'], 2);
    await setStock(inv, sku(), loc['Velocity Cycles Hamburg Altona'], 5);
    await setStock(inv, sku(), loc['Central Warehouse Leipzig'], 3);
    await setStock(inv, sku(), loc['MarketHub Fulfilment Erfurt'], 0);
  });

  it('takes everything from the nearest location that has it all', async () => {
    const nearBerlin = { latitude: 52.52, longitude: 13.4 };
    const result = await reserve({ key: 'near-1', lines: [{ sku: sku(), quantity: 2 }], near: nearBerlin, ttlSeconds: 60 });
    expect(result.reservation.lines).toEqual([{ sku: sku(), locationId: loc['Velocity Cycles Berlin Mitte'], quantity: 2 }]);
    const larger = await reserve({ key: 'near-2', lines: [{ sku: sku(), quantity: 3 }], near: nearBerlin, ttlSeconds: 60 });
    // Berlin has none left; Leipzig (about 150 km) is nearer than Hamburg (about 255 km).
    expect(larger.reservation.lines).toEqual([{ sku: sku(), locationId: loc['Central Warehouse Leipzig'], quantity: 3 }]);
  });

  it('splits across the nearest locations when none has everything, or refuses if told not to split', async () => {
    await gqlData(inv.url, RELEASE, { id: 'near-1' }, service);
    await gqlData(inv.url, RELEASE, { id: 'near-2' }, service);
    const nearLeipzig = { latitude: 51.34, longitude: 12.37 };
    const whole = await reserve({ key: 'split-0', lines: [{ sku: sku(), quantity: 9 }], near: nearLeipzig, allowSplit: false });
    expect(whole.userErrors).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_STOCK' })]);
    const split = await reserve({ key: 'split-1', lines: [{ sku: sku(), quantity: 9 }], near: nearLeipzig });
    expect(split.reservation.lines).toEqual([
      { sku: sku(), locationId: loc['Central Warehouse Leipzig'], quantity: 3 },
      { sku: sku(), locationId: loc['Velocity Cycles Berlin Mitte'], quantity: 2 },
      { sku: sku(), locationId: loc['Velocity Cycles Hamburg Altona'], quantity: 4 },
    ]);
    const none = await reserve({ key: 'split-2', lines: [{ sku: sku(), quantity: 2 }] });
    expect(none.userErrors).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_STOCK' })]);
  });
});

describe('expiry', () => {
  it('releases a reservation whose time ran out, so a crashed checkout strands nothing', async () => {
    const sku = skus[30];
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, berlin, 3);
    const held = await reserve({ key: 'crashed-checkout', locationId: berlin, lines: [{ sku, quantity: 3 }], ttlSeconds: 1 });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ available: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const commit = (await gqlData(inv.url, COMMIT, { id: held.reservation.id }, service)).inventoryReservationCommit;
    expect(commit.userErrors).toEqual([{ field: ['id'], code: 'RESERVATION_EXPIRED' }]);
    expect(await sweepExpiredReservations(inv.server.orm)).toBeGreaterThanOrEqual(1);
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    const status = await inv.server.orm.em.getConnection().getKnex()('inventory.reservation').where({ id: held.reservation.id }).first();
    expect(status.status).toBe('EXPIRED');
    expect(await sweepExpiredReservations(inv.server.orm)).toBe(0);
  });
});

describe('till sales', () => {
  const RECORD = `mutation($input: InventorySaleRecordInput!) { inventorySaleRecord(input: $input) { inventoryLevels { sku onHand needsReconciliation } userErrors { field code } } }`;

  it('refuses an online sale without stock but records an offline one, flagging the level', async () => {
    const sku = skus[40];
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    await setStock(inv, sku, hamburg, 1);
    const lines = [{ sku, quantity: 3 }];
    const online = (
      await gqlData(
        inv.url,
        RECORD,
        { input: { idempotencyKey: 'pos-1', locationId: hamburg, channel: 'POS', lines, offline: false } },
        service,
      )
    ).inventorySaleRecord;
    expect(online.userErrors).toEqual([{ field: ['input', 'lines', '0', 'quantity'], code: 'INSUFFICIENT_STOCK' }]);
    const soldAt = new Date(Date.now() - 3_600_000).toISOString();
    const offline = (
      await gqlData(
        inv.url,
        RECORD,
        {
          input: {
            idempotencyKey: 'pos-2',
            locationId: hamburg,
            channel: 'POS',
            lines,
            offline: true,
            occurredAt: soldAt,
            reference: 'receipt-42',
          },
        },
        service,
      )
    ).inventorySaleRecord;
    expect(offline.inventoryLevels).toEqual([{ sku, onHand: -2, needsReconciliation: true }]);
    const replay = (
      await gqlData(
        inv.url,
        RECORD,
        {
          input: {
            idempotencyKey: 'pos-2',
            locationId: hamburg,
            channel: 'POS',
            lines,
            offline: true,
            occurredAt: soldAt,
            reference: 'receipt-42',
          },
        },
        service,
      )
    ).inventorySaleRecord;
    expect(replay.inventoryLevels).toEqual([{ sku, onHand: -2, needsReconciliation: true }]);
    const movement = await gqlData(
      inv.url,
      `query($sku: String) { stockMovements(sku: $sku, reason: SALE, first: 5) { nodes { quantity channel occurredAt reference } } }`,
      { sku },
    );
    expect(movement.stockMovements.nodes).toEqual([{ quantity: -3, channel: 'POS', occurredAt: soldAt, reference: 'receipt-42' }]);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });
});
