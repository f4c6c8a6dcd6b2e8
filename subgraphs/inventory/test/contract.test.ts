import { Kind, parse, validate, type ObjectTypeDefinitionNode } from 'graphql';
import { ServiceCredentials } from '#platform/auth';
import { InternalClient, type InternalCommand } from '#platform/internal';
import { EventContractError } from '#platform/events';
import { createLogger } from '#platform/runtime';
import * as contract from '#contracts/inventory';
import {
  InventoryLevelChanged,
  InventoryLevelLow,
  InventoryReservationCommit,
  InventoryReservationRelease,
  InventoryReserve,
  InventorySaleRecord,
  InventoryTransferCreate,
  InventoryTransferReceive,
  InventoryTransferShip,
  STOCK_MOVEMENT_REASONS,
  StockErrorCode,
  type ReservationStatus,
  type TransferStatus,
} from '#contracts/inventory';
import { gqlData } from '../../../test/support/graphql-client';
import { setStock } from '../../../test/support/inventory-fixtures';
import { seedStock, startInventory, type InventoryHarness } from '../../../test/support/inventory';
import { TEST_JWT_SECRET } from '../../../test/support/tokens';
import { demoSkus } from '../../products/src/seed/seed-demo-catalog';
import {
  StockMovementReason,
  type ReservationStatus as ReservationStatusEnum,
  type TransferStatus as TransferStatusEnum,
} from '../src/entities';
import { InventoryErrorCode } from '../src/errors';
import { buildInventorySchema } from '../src/schema';

/** What other subgraphs rely on: the command documents they send, the events they parse, the codes they read. */
const isCommand = (value: unknown): value is InternalCommand<unknown, unknown> =>
  typeof value === 'object' && value !== null && 'document' in value && 'operation' in value;
const commands = Object.entries(contract as Record<string, unknown>).flatMap(([name, value]) =>
  isCommand(value) ? [[name, value] as const] : [],
);

// The contract spells the API's enums as string unions; the compiler keeps them equal.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reservationStatusesAgree: Same<`${ReservationStatusEnum}`, ReservationStatus> = true;
const transferStatusesAgree: Same<`${TransferStatusEnum}`, TransferStatus> = true;

it('has a command for each internal mutation, and each is valid against the inventory schema', async () => {
  expect(reservationStatusesAgree && transferStatusesAgree).toBe(true);
  const schema = await buildInventorySchema();
  expect(commands.map(([name]) => name).sort()).toEqual([
    'InventoryReservationCommit',
    'InventoryReservationConfirm',
    'InventoryReservationFulfil',
    'InventoryReservationMove',
    'InventoryReservationRelease',
    'InventoryReservationReleaseLines',
    'InventoryReserve',
    'InventoryReturnRecord',
    'InventorySaleRecord',
    'InventorySalesRecord',
    'InventoryTransferCreate',
    'InventoryTransferReceive',
    'InventoryTransferShip',
    'InventoryTransfersRead',
    'StockAvailability',
  ]);
  for (const [name, command] of commands) {
    expect({ name, errors: validate(schema, parse(command.document)).map((error) => error.message) }).toEqual({ name, errors: [] });
  }
  // Every @inaccessible mutation is something only another subgraph sends, so the contract has it.
  const mutation = schema.getMutationType()?.astNode as ObjectTypeDefinitionNode;
  const internal = (mutation.fields ?? [])
    .filter((field) => field.directives?.some((d) => d.kind === Kind.DIRECTIVE && d.name.value === 'inaccessible'))
    .map((field) => field.name.value);
  expect(internal.length).toBeGreaterThan(0);
  expect(commands.map(([, command]) => command.field)).toEqual(expect.arrayContaining(internal));
});

it('names the same movement reasons as the API, and only codes the subgraph answers with', () => {
  expect([...STOCK_MOVEMENT_REASONS].sort()).toEqual(Object.values(StockMovementReason).sort());
  expect(Object.values(InventoryErrorCode)).toEqual(expect.arrayContaining(Object.values(StockErrorCode)));
});

it('refuses to write or read an event that breaks its contract', () => {
  expect(() => InventoryLevelLow.event('A@L1', { sku: 'A' } as never)).toThrow();
  expect(() => InventoryLevelChanged.parse({ sku: 'A', locationId: 'L1', version: -1 })).toThrow(EventContractError);
});

describe('against a running inventory subgraph, as orders calls it', () => {
  let inv: InventoryHarness;
  let client: InternalClient;
  let loc: Record<string, string>;
  const skus = demoSkus();

  beforeAll(async () => {
    inv = await startInventory();
    loc = await seedStock(inv);
    // A SERVICE token signed with the shared secret, as another subgraph's kit.client sends.
    const credentials = new ServiceCredentials('orders', TEST_JWT_SECRET, null);
    client = new InternalClient({ subgraph: 'inventory', url: inv.url, credentials, logger: createLogger('contract-test', 'silent') });
  });
  afterAll(() => inv?.close());

  it('reserves, commits and releases, and answers a shortage with INSUFFICIENT_STOCK', async () => {
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    const sku = skus[20];
    await setStock(inv, sku, berlin, 5);
    const held = await client.call({}, InventoryReserve, {
      input: { key: 'contract-cart-1', locationId: berlin, lines: [{ sku, quantity: 1 }], channel: 'WEB' },
    });
    expect(held).toEqual({
      ok: true,
      value: {
        reservation: expect.objectContaining({
          key: 'contract-cart-1',
          status: 'PENDING',
          lines: [{ sku, locationId: berlin, quantity: 1 }],
        }),
        userErrors: [],
      },
    });
    const id = held.ok ? (held.value.reservation?.id ?? '') : '';
    const committed = await client.call({}, InventoryReservationCommit, { id });
    expect(committed.ok && committed.value.reservation?.status).toBe('COMMITTED');
    const released = await client.call({}, InventoryReservationRelease, { id });
    expect(released).toEqual({
      ok: false,
      reason: 'USER_ERRORS',
      userErrors: [expect.objectContaining({ code: StockErrorCode.RESERVATION_NOT_PENDING })],
    });

    const short = await client.call({}, InventoryReserve, {
      input: { key: 'contract-cart-2', locationId: berlin, lines: [{ sku, quantity: 1_000_000 }] },
    });
    expect(short).toEqual({
      ok: false,
      reason: 'USER_ERRORS',
      userErrors: [expect.objectContaining({ code: StockErrorCode.INSUFFICIENT_STOCK, field: ['input', 'lines', '0', 'quantity'] })],
    });
  });

  it('records a till sale and moves stock with a transfer', async () => {
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    const sku = skus[21];
    await setStock(inv, sku, berlin, 5);
    const sale = await client.call({}, InventorySaleRecord, {
      input: { idempotencyKey: 'contract-till-1', locationId: berlin, channel: 'POS', lines: [{ sku, quantity: 1 }], offline: false },
    });
    expect(sale.ok && sale.value.inventoryLevels).toEqual([expect.objectContaining({ sku, location: { id: berlin } })]);

    const created = await client.call({}, InventoryTransferCreate, {
      input: { fromLocationId: berlin, toLocationId: hamburg, lines: [{ sku, quantity: 1 }] },
    });
    expect(created.ok && created.value.inventoryTransfer).toMatchObject({ status: 'DRAFT', fromLocation: { id: berlin } });
    const transferId = created.ok ? (created.value.inventoryTransfer?.id ?? '') : '';
    const shipped = await client.call({}, InventoryTransferShip, { id: transferId, idempotencyKey: 'contract-ship-1' });
    expect(shipped.ok && shipped.value.inventoryTransfer?.status).toBe('IN_TRANSIT');
    const received = await client.call({}, InventoryTransferReceive, { id: transferId, lines: [{ sku, quantity: 1 }] });
    expect(received.ok && received.value.inventoryTransfer).toMatchObject({ status: 'RECEIVED', lines: [{ sku, quantityReceived: 1 }] });

    const unknown = await client.call({}, InventoryTransferCreate, {
      input: { fromLocationId: berlin, toLocationId: hamburg, lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] },
    });
    expect(unknown).toMatchObject({ ok: false, reason: 'USER_ERRORS', userErrors: [{ code: StockErrorCode.UNKNOWN_SKU }] });
  });

  it('publishes stock events whose payloads the contract parses', async () => {
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    const sku = skus[22];
    await gqlData(inv.url, `mutation($input: LowStockThresholdInput!) { lowStockThresholdSet(input: $input) { userErrors { code } } }`, {
      input: { sku, locationId: berlin, threshold: 1_000 },
    });
    await gqlData(inv.url, `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`, {
      input: { sku, locationId: berlin, delta: -1, reason: 'DAMAGED' },
    });
    const rows = await inv.server.orm.em
      .getConnection()
      .execute<{ topic: string; payload: unknown }[]>(`select topic, payload from inventory.outbox_event where key = ? order by id`, [
        `${sku}@${berlin}`,
      ]);
    const changes = rows.filter((row) => row.topic === InventoryLevelChanged.topic).map((row) => InventoryLevelChanged.parse(row.payload));
    const alerts = rows.filter((row) => row.topic === InventoryLevelLow.topic).map((row) => InventoryLevelLow.parse(row.payload));
    expect(changes.at(-1)).toMatchObject({ sku, locationId: berlin, delta: -1, reason: 'DAMAGED', channel: null });
    // Setting a threshold above what is available alerts at once, with no movement of its own.
    expect(alerts.at(-1)).toMatchObject({ sku, lowStockThreshold: 1_000 });
    expect(alerts.at(-1)?.reason).toBeUndefined();
  });
});
