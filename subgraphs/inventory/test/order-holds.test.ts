import { ServiceCredentials } from '#platform/auth';
import { InternalClient, type InternalCommand } from '#platform/internal';
import { toGlobalId } from '#platform/ids';
import { createLogger } from '#platform/runtime';
import {
  InventoryReservationCommit,
  InventoryReservationConfirm,
  InventoryReservationFulfil,
  InventoryReservationMove,
  InventoryReservationRelease,
  InventoryReservationReleaseLines,
  InventoryReserve,
  InventoryTransferCreate,
  InventoryTransferReceive,
  InventoryTransferShip,
  InventoryTransfersRead,
  StockAvailability,
  type ReservationResult,
} from '#contracts/inventory';
import { demoSkus } from '../../products/src/seed/seed-demo-catalog';
import { sweepExpiredReservations } from '../src/services/reservation-sweeper';
import { gqlData } from '../../../test/support/graphql-client';
import { seedStock, startInventory, type InventoryHarness } from '../../../test/support/inventory';
import { ledgerMismatches, levelOf, writeCounts, setStock } from '../../../test/support/inventory-fixtures';
import { TEST_JWT_SECRET } from '../../../test/support/tokens';

/**
 * A placed order's stock, as the orders subgraph drives it through the contract's commands:
 * confirmed holds, fulfilled, released or moved a part at a time, and carried by transfers.
 */
let inv: InventoryHarness;
let client: InternalClient;
let loc: Record<string, string>;
let berlin: string;
let hamburg: string;
let leipzig: string;
const skus = demoSkus();
/** Each test takes SKUs of its own, above those other files' tests use. */
let nextSku = 100;
const freshSku = () => skus[nextSku++];

beforeAll(async () => {
  inv = await startInventory();
  loc = await seedStock(inv);
  berlin = loc['Velocity Cycles Berlin Mitte'];
  hamburg = loc['Velocity Cycles Hamburg Altona'];
  leipzig = loc['Central Warehouse Leipzig'];
  const credentials = new ServiceCredentials('orders', TEST_JWT_SECRET, null);
  client = new InternalClient({ subgraph: 'inventory', url: inv.url, credentials, logger: createLogger('order-holds-test', 'silent') });
});
afterAll(() => inv?.close());

type Outcome<R> = { ok: true; value: R } | { ok: false; reason: string; userErrors?: { field: string[] | null; code: string | null }[] };

async function call<V, R>(command: InternalCommand<V, R>, variables: V): Promise<Outcome<R>> {
  return client.call({}, command, variables);
}

/** The reservation of a command that must succeed. */
async function ok<V>(command: InternalCommand<V, { reservation: ReservationResult | null }>, variables: V): Promise<ReservationResult> {
  const result = await call(command, variables);
  if (!result.ok) throw new Error(`${command.name}: ${JSON.stringify(result)}`);
  return result.value.reservation as ReservationResult;
}

/** The codes of a command that must be refused. */
async function refused<V, R>(command: InternalCommand<V, R>, variables: V): Promise<(string | null)[]> {
  const result = await call(command, variables);
  if (result.ok || !result.userErrors) throw new Error(`${command.name} was not refused: ${JSON.stringify(result)}`);
  return result.userErrors.map((e) => e.code);
}

/** A confirmed hold of `quantity` units of `sku` at `locationId`, on the WEB channel. */
async function confirmedHold(key: string, sku: string, locationId: string, quantity: number): Promise<ReservationResult> {
  const held = await ok(InventoryReserve, { input: { key, locationId, lines: [{ sku, quantity }], channel: 'WEB', reference: key } });
  return ok(InventoryReservationConfirm, { id: held.id });
}

async function salesOf(sku: string) {
  const rows = await inv.server.orm.em
    .getConnection()
    .execute<{ quantity: number; reserved_delta: number; channel: string | null; location_id: string }[]>(
      `select quantity, reserved_delta, channel, location_id from inventory.stock_movement where sku = ? and reason = 'SALE' order by id`,
      [sku],
    );
  return rows.map((r) => ({
    quantity: Number(r.quantity),
    reserved: Number(r.reserved_delta),
    channel: r.channel,
    locationId: r.location_id,
  }));
}

describe('confirming a hold', () => {
  it('keeps a confirmed hold past its expiry, while the sweeper releases a pending one', async () => {
    const sku = freshSku();
    await setStock(inv, sku, berlin, 5);
    const confirmed = await confirmedHold('confirm-1', sku, berlin, 2);
    expect(confirmed.status).toBe('CONFIRMED');
    expect((await ok(InventoryReservationConfirm, { id: 'confirm-1' })).status).toBe('CONFIRMED');
    const pending = await ok(InventoryReserve, { input: { key: 'confirm-2', locationId: berlin, lines: [{ sku, quantity: 1 }] } });
    // Both run out of time; only the pending one is released.
    await inv.server.orm.em
      .getConnection()
      .execute(`update inventory.reservation set expires_at = now() - interval '1 minute' where key in ('confirm-1', 'confirm-2')`);
    expect(await refused(InventoryReservationConfirm, { id: pending.id })).toEqual(['RESERVATION_EXPIRED']);
    expect(await sweepExpiredReservations(inv.server.orm)).toBeGreaterThanOrEqual(1);
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 5, reserved: 2 });
    expect((await ok(InventoryReservationConfirm, { id: confirmed.id })).status).toBe('CONFIRMED');
    expect(await refused(InventoryReservationConfirm, { id: pending.id })).toEqual(['RESERVATION_NOT_PENDING']);
    // A confirmed hold is still committed whole, as before.
    expect(await ok(InventoryReservationCommit, { id: confirmed.id })).toMatchObject({ status: 'COMMITTED', lines: [] });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 3, reserved: 0 });
  });
});

describe('fulfilling a hold a part at a time', () => {
  it('sells part, replays a retry, refuses other input under the key and more than is held, then commits on the rest', async () => {
    const sku = freshSku();
    await setStock(inv, sku, berlin, 10);
    const hold = await confirmedHold('fulfil-1', sku, berlin, 3);
    const part = { id: hold.id, idempotencyKey: 'fulfil-1/a', locationId: berlin, lines: [{ sku, quantity: 1 }] };
    const first = await ok(InventoryReservationFulfil, { input: part });
    expect(first).toMatchObject({ status: 'CONFIRMED', lines: [{ sku, locationId: berlin, quantity: 2 }] });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 9, reserved: 2, available: 7 });

    expect(await ok(InventoryReservationFulfil, { input: part })).toEqual(first);
    expect(await refused(InventoryReservationFulfil, { input: { ...part, lines: [{ sku, quantity: 2 }] } })).toEqual([
      'IDEMPOTENCY_KEY_MISMATCH',
    ]);

    const before = [await writeCounts(inv), await levelOf(inv, sku, berlin)];
    expect(
      await refused(InventoryReservationFulfil, { input: { ...part, idempotencyKey: 'fulfil-1/b', lines: [{ sku, quantity: 3 }] } }),
    ).toEqual(['NOT_HELD']);
    expect(await refused(InventoryReservationFulfil, { input: { ...part, idempotencyKey: 'fulfil-1/c', locationId: hamburg } })).toEqual([
      'NOT_HELD',
    ]);
    expect([await writeCounts(inv), await levelOf(inv, sku, berlin)]).toEqual(before);

    const rest = await ok(InventoryReservationFulfil, { input: { ...part, idempotencyKey: 'fulfil-1/d', lines: [{ sku, quantity: 2 }] } });
    expect(rest).toMatchObject({ status: 'COMMITTED', lines: [] });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    expect(await salesOf(sku)).toEqual([
      { quantity: -1, reserved: -1, channel: 'WEB', locationId: berlin },
      { quantity: -2, reserved: -2, channel: 'WEB', locationId: berlin },
    ]);
    expect(await refused(InventoryReservationFulfil, { input: { ...part, idempotencyKey: 'fulfil-1/e' } })).toEqual([
      'RESERVATION_NOT_PENDING',
    ]);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it('moves stock once when the same fulfilment arrives many times at once', async () => {
    const sku = freshSku();
    await setStock(inv, sku, hamburg, 4);
    const hold = await confirmedHold('fulfil-2', sku, hamburg, 4);
    const input = { id: hold.id, idempotencyKey: 'fulfil-2/a', locationId: hamburg, lines: [{ sku, quantity: 1 }] };
    const results = await Promise.all(Array.from({ length: 8 }, () => ok(InventoryReservationFulfil, { input })));
    for (const result of results) expect(result.lines).toEqual([{ sku, locationId: hamburg, quantity: 3 }]);
    expect(await levelOf(inv, sku, hamburg)).toMatchObject({ onHand: 3, reserved: 3 });
    expect(await salesOf(sku)).toHaveLength(1);
  });
});

describe('releasing part of a hold', () => {
  it('gives back lines; RELEASED when nothing was sold, COMMITTED when something was', async () => {
    const [a, b] = [freshSku(), freshSku()];
    await setStock(inv, a, hamburg, 5);
    await setStock(inv, b, hamburg, 5);
    const held = await ok(InventoryReserve, {
      input: {
        key: 'release-1',
        locationId: hamburg,
        lines: [
          { sku: a, quantity: 2 },
          { sku: b, quantity: 1 },
        ],
      },
    });
    await ok(InventoryReservationConfirm, { id: held.id });
    const part = { id: 'release-1', idempotencyKey: 'release-1/a', locationId: hamburg, lines: [{ sku: a, quantity: 2 }] };
    expect(await ok(InventoryReservationReleaseLines, { input: part })).toMatchObject({
      status: 'CONFIRMED',
      lines: [{ sku: b, locationId: hamburg, quantity: 1 }],
    });
    expect(await levelOf(inv, a, hamburg)).toMatchObject({ onHand: 5, reserved: 0 });
    const sold = await ok(InventoryReservationFulfil, {
      input: { ...part, idempotencyKey: 'release-1/b', lines: [{ sku: b, quantity: 1 }] },
    });
    expect(sold).toMatchObject({ status: 'COMMITTED', lines: [] });
    // Cancelling what is left of an order that was partly sold and partly given back is harmless.
    expect((await ok(InventoryReservationRelease, { id: held.id })).status).toBe('COMMITTED');

    await setStock(inv, a, berlin, 3);
    const other = await confirmedHold('release-2', a, berlin, 3);
    const released = await ok(InventoryReservationReleaseLines, {
      input: { id: other.id, idempotencyKey: 'release-2/a', locationId: berlin, lines: [{ sku: a, quantity: 3 }] },
    });
    expect(released).toMatchObject({ status: 'RELEASED', lines: [] });
    expect(await levelOf(inv, a, berlin)).toMatchObject({ onHand: 3, reserved: 0 });
    expect((await ok(InventoryReservationRelease, { id: other.id })).status).toBe('RELEASED');
    expect(await ledgerMismatches(inv)).toEqual([]);
  });
});

describe('moving a hold', () => {
  it('refuses a destination without the stock, changing nothing, and moves once it has it', async () => {
    const sku = freshSku();
    await setStock(inv, sku, berlin, 2);
    await setStock(inv, sku, leipzig, 1);
    const hold = await confirmedHold('move-1', sku, berlin, 2);
    const input = { id: hold.id, idempotencyKey: 'move-1/a', fromLocationId: berlin, toLocationId: leipzig, lines: [{ sku, quantity: 2 }] };
    const before = [await writeCounts(inv), await levelOf(inv, sku, berlin), await levelOf(inv, sku, leipzig)];
    expect(await refused(InventoryReservationMove, { input })).toEqual(['INSUFFICIENT_STOCK']);
    expect(await refused(InventoryReservationMove, { input: { ...input, lines: [{ sku, quantity: 3 }] } })).toEqual(['NOT_HELD']);
    expect([await writeCounts(inv), await levelOf(inv, sku, berlin), await levelOf(inv, sku, leipzig)]).toEqual(before);
    expect((await ok(InventoryReservationConfirm, { id: hold.id })).lines).toEqual([{ sku, locationId: berlin, quantity: 2 }]);

    await setStock(inv, sku, leipzig, 4);
    const moved = await ok(InventoryReservationMove, { input });
    expect(moved).toMatchObject({ status: 'CONFIRMED', lines: [{ sku, locationId: leipzig, quantity: 2 }] });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await levelOf(inv, sku, leipzig)).toMatchObject({ onHand: 4, reserved: 2 });
    expect(await ok(InventoryReservationMove, { input })).toEqual(moved);
    expect(await levelOf(inv, sku, leipzig)).toMatchObject({ reserved: 2 });
  });
});

describe('reserving lines the caller routed', () => {
  it('holds each line where it says, refuses a SKU twice at one place, and holds nothing when one place is short', async () => {
    const [a, b] = [freshSku(), freshSku()];
    await setStock(inv, a, berlin, 2);
    await setStock(inv, a, hamburg, 2);
    await setStock(inv, b, leipzig, 2);
    const placed = await ok(InventoryReserve, {
      input: {
        key: 'placed-1',
        locationId: leipzig,
        lines: [
          { sku: a, quantity: 1, locationId: berlin },
          { sku: a, quantity: 2, locationId: hamburg },
          { sku: b, quantity: 1 },
        ],
      },
    });
    expect(placed.lines).toEqual([
      { sku: a, locationId: berlin, quantity: 1 },
      { sku: a, locationId: hamburg, quantity: 2 },
      { sku: b, locationId: leipzig, quantity: 1 },
    ]);

    const before = await writeCounts(inv);
    expect(
      await refused(InventoryReserve, {
        input: {
          key: 'placed-2',
          lines: [
            { sku: b, quantity: 1, locationId: leipzig },
            { sku: b, quantity: 1, locationId: leipzig },
          ],
        },
      }),
    ).toEqual(['TAKEN']);
    const short = await call(InventoryReserve, {
      input: {
        key: 'placed-3',
        lines: [
          { sku: b, quantity: 1, locationId: leipzig },
          { sku: a, quantity: 2, locationId: berlin },
        ],
      },
    });
    expect(short).toMatchObject({ ok: false, userErrors: [{ code: 'INSUFFICIENT_STOCK', field: ['input', 'lines', '1', 'quantity'] }] });
    expect(await writeCounts(inv)).toEqual(before);
    expect(await levelOf(inv, b, leipzig)).toMatchObject({ reserved: 1 });
  });
});

describe('a transfer that carries a hold (ship to store)', () => {
  it('checks the hold, takes its units at ship without touching available stock, and holds them again on receipt', async () => {
    const sku = freshSku();
    await setStock(inv, sku, leipzig, 5);
    await setStock(inv, sku, berlin, 0);
    const hold = await confirmedHold('s2s-1', sku, leipzig, 2);
    const create = {
      fromLocationId: leipzig,
      toLocationId: berlin,
      lines: [{ sku, quantity: 2 }],
      idempotencyKey: 's2s-1/transfer',
      reservationId: hold.id,
      reference: 'order #1001',
    };
    expect(
      await refused(InventoryTransferCreate, { input: { ...create, idempotencyKey: 's2s-1/x', lines: [{ sku, quantity: 3 }] } }),
    ).toEqual(['NOT_HELD']);
    const created = await call(InventoryTransferCreate, { input: create });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const transferId = created.value.inventoryTransfer?.id as string;
    const again = await call(InventoryTransferCreate, { input: create });
    expect(again.ok && again.value.inventoryTransfer?.id).toBe(transferId);

    const shipped = await call(InventoryTransferShip, { id: transferId, idempotencyKey: 's2s-1/ship' });
    expect(shipped.ok && shipped.value.inventoryTransfer?.status).toBe('IN_TRANSIT');
    // The units left the hold, not what others may buy.
    expect(await levelOf(inv, sku, leipzig)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 0, reserved: 0, incoming: 2 });
    expect((await ok(InventoryReservationConfirm, { id: hold.id })).lines).toEqual([]);

    const read = await client.call({}, InventoryTransfersRead, {
      ids: [toGlobalId('InventoryTransfer', transferId), '00000000-0000-4000-8000-000000000000'],
    });
    // The client answers the root field's value: the list of transfers.
    expect(read.ok && (read.value as unknown)).toEqual([expect.objectContaining({ id: transferId, status: 'IN_TRANSIT' })]);

    const received = await call(InventoryTransferReceive, { id: transferId, lines: [{ sku, quantity: 2 }], idempotencyKey: 's2s-1/in' });
    expect(received.ok && received.value.inventoryTransfer?.status).toBe('RECEIVED');
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 2, reserved: 2, incoming: 0, available: 0 });
    const atStore = await ok(InventoryReservationConfirm, { id: hold.id });
    expect(atStore).toMatchObject({ status: 'CONFIRMED', lines: [{ sku, locationId: berlin, quantity: 2 }] });

    const picked = await ok(InventoryReservationFulfil, {
      input: { id: hold.id, idempotencyKey: 's2s-1/pickup', locationId: berlin, lines: [{ sku, quantity: 2 }] },
    });
    expect(picked.status).toBe('COMMITTED');
    expect(await levelOf(inv, sku, berlin)).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await ledgerMismatches(inv)).toEqual([]);
  });
  it('lets units a cancelled order had on the way arrive as ordinary stock', async () => {
    const sku = freshSku();
    await setStock(inv, sku, leipzig, 3);
    await setStock(inv, sku, hamburg, 0);
    const hold = await confirmedHold('s2s-2', sku, leipzig, 3);
    const created = await call(InventoryTransferCreate, {
      input: {
        fromLocationId: leipzig,
        toLocationId: hamburg,
        lines: [{ sku, quantity: 3 }],
        reservationId: 's2s-2',
        reference: 'order #1002',
      },
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const transferId = created.value.inventoryTransfer?.id as string;
    const staffView = await gqlData(inv.url, `query($id: ID!) { inventoryTransfer(id: $id) { reference } }`, { id: transferId });
    expect(staffView.inventoryTransfer).toEqual({ reference: 'order #1002' });
    expect((await call(InventoryTransferShip, { id: transferId })).ok).toBe(true);
    expect(await refused(InventoryReservationCommit, { id: hold.id })).toEqual(['NOT_HELD']);

    expect(await ok(InventoryReservationRelease, { id: hold.id })).toMatchObject({ status: 'RELEASED', lines: [] });
    expect((await call(InventoryTransferReceive, { id: transferId, lines: [{ sku, quantity: 3 }] })).ok).toBe(true);
    expect(await levelOf(inv, sku, hamburg)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(await levelOf(inv, sku, leipzig)).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await ledgerMismatches(inv)).toEqual([]);
  });
});

describe('locations for routing', () => {
  it('takes a fulfilment rank from managers (at least 1) and answers it with coordinates in availability', async () => {
    const update = `mutation($id: ID!, $input: LocationUpdateInput!) { locationUpdate(id: $id, input: $input) {
      location { fulfillmentRank } userErrors { field code } } }`;
    const zero = (await gqlData(inv.url, update, { id: hamburg, input: { fulfillmentRank: 0 } })).locationUpdate;
    expect(zero.userErrors).toEqual([{ field: ['input', 'fulfillmentRank'], code: 'GREATER_THAN_OR_EQUAL_TO' }]);
    const ranked = (await gqlData(inv.url, update, { id: hamburg, input: { fulfillmentRank: 1 } })).locationUpdate;
    expect(ranked).toEqual({ location: { fulfillmentRank: 1 }, userErrors: [] });

    const availability = await call(StockAvailability, { skus: [skus[0]] });
    if (!availability.ok) throw new Error(JSON.stringify(availability));
    const byId = new Map(availability.value.locations.map((l) => [l.id, l]));
    expect(byId.get(hamburg)).toMatchObject({ fulfillmentRank: 1, latitude: expect.any(Number), longitude: expect.any(Number) });
    expect(byId.get(berlin)).toMatchObject({ fulfillmentRank: null });
  });
});
