import { randomBytes } from 'node:crypto';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { startInventory, type InventoryHarness } from '../../../test/support/inventory';
import {
  addStock,
  createLocation,
  ledgerMismatches,
  levelOf,
  movementsOf,
  SKUS,
  writeCounts,
} from '../../../test/support/inventory-fixtures';
import { dbId } from '../../../test/support/ids';

let harness: InventoryHarness;
let warehouse: string;
let storeA: string;
let storeB: string;

beforeAll(async () => {
  harness = await startInventory();
  warehouse = await createLocation(harness, 'Central Warehouse', 'WAREHOUSE');
  storeA = await createLocation(harness, 'Store Amsterdam');
  storeB = await createLocation(harness, 'Store Berlin');
});
afterAll(() => harness.close());

/** Every test uses SKUs of its own, so levels never leak between tests. */
let nextSku = 0;
const freshSkus = (n: number) => SKUS.slice(nextSku, (nextSku += n));

const TRANSFER = `id number status note createdAt shippedAt receivedAt fromLocation { id name } toLocation { id name }
  lines { sku quantity quantityReceived }`;
const ERRORS = 'userErrors { field message code }';
const CREATE = `mutation($input: InventoryTransferCreateInput!) { inventoryTransferCreate(input: $input) { inventoryTransfer { ${TRANSFER} } ${ERRORS} } }`;
const SHIP = `mutation($id: ID!, $key: String) { inventoryTransferShip(id: $id, idempotencyKey: $key) { inventoryTransfer { ${TRANSFER} } ${ERRORS} } }`;
const RECEIVE = `mutation($id: ID!, $lines: [StockLineInput!]!, $key: String) {
  inventoryTransferReceive(id: $id, lines: $lines, idempotencyKey: $key) { inventoryTransfer { ${TRANSFER} } ${ERRORS} } }`;
const CANCEL = `mutation($id: ID!) { inventoryTransferCancel(id: $id) { inventoryTransfer { ${TRANSFER} } ${ERRORS} } }`;

type Line = { sku: string; quantity: number };
type UserErrors = { field: string[]; message: string; code: string }[];

async function create(input: Record<string, unknown>) {
  return (await gqlData(harness.url, CREATE, { input })).inventoryTransferCreate;
}
async function draft(from: string, to: string, lines: Line[]): Promise<string> {
  const result = await create({ fromLocationId: from, toLocationId: to, lines });
  expect(result.userErrors).toEqual([]);
  return result.inventoryTransfer.id;
}
const ship = async (id: string, key?: string) => (await gqlData(harness.url, SHIP, { id, key })).inventoryTransferShip;
const receive = async (id: string, lines: Line[], key?: string) =>
  (await gqlData(harness.url, RECEIVE, { id, lines, key })).inventoryTransferReceive;
const cancel = async (id: string) => (await gqlData(harness.url, CANCEL, { id })).inventoryTransferCancel;
const statusOf = async (id: string) =>
  (await gqlData(harness.url, `query($id: ID!) { inventoryTransfer(id: $id) { status } }`, { id })).inventoryTransfer.status;

/** Runs a mutation expected to fail; checks that no row and none of the given levels changed. */
async function expectRejected(levels: [string, string][], run: () => Promise<{ userErrors: UserErrors }>): Promise<UserErrors> {
  const before = await Promise.all([writeCounts(harness), ...levels.map(([sku, loc]) => levelOf(harness, sku, loc))]);
  const result = await run();
  expect(result.userErrors.length).toBeGreaterThan(0);
  expect(await Promise.all([writeCounts(harness), ...levels.map(([sku, loc]) => levelOf(harness, sku, loc))])).toEqual(before);
  return result.userErrors;
}

describe('a transfer from draft to received', () => {
  it('moves stock out at ship, shows it incoming, and receives it in parts', async () => {
    const [a, b] = freshSkus(2);
    await addStock(harness, a, warehouse, 10);
    await addStock(harness, b, warehouse, 5);

    const created = await create({
      fromLocationId: warehouse,
      toLocationId: storeA,
      lines: [
        { sku: a, quantity: 4 },
        { sku: b, quantity: 5 },
      ],
      note: '  Weekly top-up ',
    });
    expect(created.userErrors).toEqual([]);
    const transfer = created.inventoryTransfer;
    expect(transfer).toMatchObject({
      status: 'DRAFT',
      note: 'Weekly top-up',
      shippedAt: null,
      receivedAt: null,
      fromLocation: { id: warehouse, name: 'Central Warehouse' },
      toLocation: { id: storeA, name: 'Store Amsterdam' },
      lines: [
        { sku: a, quantity: 4, quantityReceived: 0 },
        { sku: b, quantity: 5, quantityReceived: 0 },
      ],
    });
    expect(transfer.number).toMatch(/^TR-[2-9A-HJ-NP-Z]{6}$/);
    // A draft moves nothing.
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 10, reserved: 0, incoming: 0, available: 10 });
    expect(await levelOf(harness, a, storeA)).toEqual({ onHand: 0, reserved: 0, incoming: 0, available: 0 });

    const shipped = await ship(transfer.id);
    expect(shipped.userErrors).toEqual([]);
    expect(shipped.inventoryTransfer).toMatchObject({ status: 'IN_TRANSIT', shippedAt: expect.any(String), receivedAt: null });
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 6, reserved: 0, incoming: 0, available: 6 });
    expect(await levelOf(harness, b, warehouse)).toEqual({ onHand: 0, reserved: 0, incoming: 0, available: 0 });
    expect(await levelOf(harness, a, storeA)).toEqual({ onHand: 0, reserved: 0, incoming: 4, available: 0 });
    expect(await levelOf(harness, b, storeA)).toEqual({ onHand: 0, reserved: 0, incoming: 5, available: 0 });

    const partly = await receive(transfer.id, [{ sku: a, quantity: 3 }]);
    expect(partly.userErrors).toEqual([]);
    expect(partly.inventoryTransfer).toMatchObject({
      status: 'PARTIALLY_RECEIVED',
      receivedAt: null,
      lines: [
        { sku: a, quantity: 4, quantityReceived: 3 },
        { sku: b, quantity: 5, quantityReceived: 0 },
      ],
    });
    expect(await levelOf(harness, a, storeA)).toEqual({ onHand: 3, reserved: 0, incoming: 1, available: 3 });
    expect(await levelOf(harness, b, storeA)).toEqual({ onHand: 0, reserved: 0, incoming: 5, available: 0 });

    const rest = await receive(transfer.id, [
      { sku: b, quantity: 5 },
      { sku: a, quantity: 1 },
    ]);
    expect(rest.userErrors).toEqual([]);
    expect(rest.inventoryTransfer).toMatchObject({
      status: 'RECEIVED',
      receivedAt: expect.any(String),
      lines: [
        { sku: a, quantity: 4, quantityReceived: 4 },
        { sku: b, quantity: 5, quantityReceived: 5 },
      ],
    });
    expect(await levelOf(harness, a, storeA)).toEqual({ onHand: 4, reserved: 0, incoming: 0, available: 4 });
    expect(await levelOf(harness, b, storeA)).toEqual({ onHand: 5, reserved: 0, incoming: 0, available: 5 });
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 6, reserved: 0, incoming: 0, available: 6 });

    // The ledger tells the story, each movement pointing at the transfer.
    const ref = `transfer:${dbId(transfer.id)}`;
    expect(await movementsOf(harness, a, warehouse)).toEqual([
      { reason: 'CORRECTION', quantity: 10, incomingDelta: 0, reference: 'test-fixture' },
      { reason: 'TRANSFER_OUT', quantity: -4, incomingDelta: 0, reference: ref },
    ]);
    expect(await movementsOf(harness, a, storeA)).toEqual([
      { reason: 'INCOMING', quantity: 0, incomingDelta: 4, reference: ref },
      { reason: 'TRANSFER_IN', quantity: 3, incomingDelta: -3, reference: ref },
      { reason: 'TRANSFER_IN', quantity: 1, incomingDelta: -1, reference: ref },
    ]);
    expect(await ledgerMismatches(harness)).toEqual([]);

    const read = await gqlData(harness.url, `query($id: ID!) { inventoryTransfer(id: $id) { ${TRANSFER} } }`, { id: transfer.id });
    expect(read.inventoryTransfer).toEqual(rest.inventoryTransfer);
  });

  it('refuses shipping more than is available, naming every short line, and ships nothing', async () => {
    const [a, b, c] = freshSkus(3);
    await addStock(harness, a, warehouse, 5);
    await addStock(harness, b, warehouse, 4, { reserved: 3 });
    const id = await draft(warehouse, storeA, [
      { sku: a, quantity: 5 },
      { sku: b, quantity: 2 },
      { sku: c, quantity: 1 },
    ]);
    const levels: [string, string][] = [
      [a, warehouse],
      [b, warehouse],
      [a, storeA],
      [b, storeA],
    ];
    const errors = await expectRejected(levels, () => ship(id));
    expect(errors).toEqual([
      {
        field: ['lines', '1', 'quantity'],
        code: 'INSUFFICIENT_STOCK',
        message: expect.stringContaining(`Line 2 (${b}): 2 to ship but only 1 available`),
      },
      {
        field: ['lines', '2', 'quantity'],
        code: 'INSUFFICIENT_STOCK',
        message: expect.stringContaining(`Line 3 (${c}): 1 to ship but only 0 available`),
      },
    ]);
    expect(await statusOf(id)).toBe('DRAFT');
    // Once the source has the stock, the same draft ships.
    await addStock(harness, b, warehouse, 1);
    await addStock(harness, c, warehouse, 1);
    expect((await ship(id)).userErrors).toEqual([]);
    expect(await levelOf(harness, b, warehouse)).toEqual({ onHand: 3, reserved: 3, incoming: 0, available: 0 });
    expect(await ledgerMismatches(harness)).toEqual([]);
  });
});

describe('inventoryTransferCreate refuses bad input and writes nothing', () => {
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  const lines = () => [{ sku: SKUS[0], quantity: 1 }];
  it.each([
    ['the same location twice', () => ({ toLocationId: warehouse }), ['input', 'toLocationId'], 'SAME_LOCATION'],
    ['an unknown source', () => ({ fromLocationId: UNKNOWN }), ['input', 'fromLocationId'], 'NOT_FOUND'],
    ['a malformed destination id', () => ({ toLocationId: 'store-1' }), ['input', 'toLocationId'], 'NOT_FOUND'],
    [
      'an unknown SKU',
      () => ({
        lines: [
          { sku: SKUS[0], quantity: 1 },
          { sku: 'NO-SUCH-SKU', quantity: 1 },
        ],
      }),
      ['input', 'lines', '1', 'sku'],
      'UNKNOWN_SKU',
    ],
    [
      'a zero quantity',
      () => ({ lines: [{ sku: SKUS[0], quantity: 0 }] }),
      ['input', 'lines', '0', 'quantity'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'a negative quantity',
      () => ({ lines: [{ sku: SKUS[0], quantity: -3 }] }),
      ['input', 'lines', '0', 'quantity'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'the same SKU on two lines',
      () => ({
        lines: [
          { sku: SKUS[0], quantity: 1 },
          { sku: SKUS[0], quantity: 2 },
        ],
      }),
      ['input', 'lines', '1', 'sku'],
      'TAKEN',
    ],
    ['no lines', () => ({ lines: [] }), ['input', 'lines'], 'BLANK'],
    [
      'more than 250 lines',
      () => ({ lines: SKUS.slice(0, 1).flatMap((sku) => Array.from({ length: 251 }, (_, i) => ({ sku: `${sku}-${i}`, quantity: 1 }))) }),
      ['input', 'lines'],
      'TOO_MANY',
    ],
    ['a blank SKU', () => ({ lines: [{ sku: '  ', quantity: 1 }] }), ['input', 'lines', '0', 'sku'], 'BLANK'],
  ])('rejects %s', async (_label, change, field, code) => {
    const input = { fromLocationId: warehouse, toLocationId: storeA, lines: lines(), ...change() };
    const errors = await expectRejected([], () => create(input));
    expect(errors).toContainEqual(expect.objectContaining({ field, code }));
  });
});

describe('receiving a transfer', () => {
  it('refuses more than remains in transit, SKUs not shipped and unshipped transfers, writing nothing', async () => {
    const [a, b, other] = freshSkus(3);
    await addStock(harness, a, warehouse, 10);
    await addStock(harness, b, warehouse, 10);
    const id = await draft(warehouse, storeB, [
      { sku: a, quantity: 6 },
      { sku: b, quantity: 2 },
    ]);
    const levels: [string, string][] = [
      [a, storeB],
      [b, storeB],
      [a, warehouse],
    ];

    expect(await expectRejected(levels, () => receive(id, [{ sku: a, quantity: 1 }]))).toEqual([
      expect.objectContaining({ field: ['id'], code: 'INVALID_STATUS' }),
    ]);
    expect((await ship(id)).userErrors).toEqual([]);
    expect((await receive(id, [{ sku: a, quantity: 4 }])).userErrors).toEqual([]);

    const over = await expectRejected(levels, () =>
      receive(id, [
        { sku: b, quantity: 2 },
        { sku: a, quantity: 3 },
      ]),
    );
    expect(over).toEqual([
      { field: ['lines', '1', 'quantity'], code: 'OVER_RECEIPT', message: expect.stringContaining(`Only 2 of ${a} remain in transit`) },
    ]);
    const notOnIt = await expectRejected(levels, () => receive(id, [{ sku: other, quantity: 1 }]));
    expect(notOnIt).toEqual([expect.objectContaining({ field: ['lines', '0', 'sku'], code: 'NOT_FOUND' })]);
    const twice = await expectRejected(levels, () =>
      receive(id, [
        { sku: a, quantity: 1 },
        { sku: a, quantity: 1 },
      ]),
    );
    expect(twice).toEqual([expect.objectContaining({ field: ['lines', '1', 'sku'], code: 'TAKEN' })]);
    const zero = await expectRejected(levels, () => receive(id, [{ sku: a, quantity: 0 }]));
    expect(zero).toEqual([expect.objectContaining({ field: ['lines', '0', 'quantity'], code: 'GREATER_THAN_OR_EQUAL_TO' })]);
    const none = await expectRejected(levels, () => receive(id, []));
    expect(none).toEqual([expect.objectContaining({ field: ['lines'], code: 'BLANK' })]);
    const unknown = await expectRejected(levels, () => receive('00000000-0000-4000-8000-000000000000', [{ sku: a, quantity: 1 }]));
    expect(unknown).toEqual([expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })]);

    expect(await statusOf(id)).toBe('PARTIALLY_RECEIVED');
    expect(await levelOf(harness, a, storeB)).toEqual({ onHand: 4, reserved: 0, incoming: 2, available: 4 });
    // Exactly what remains is accepted, and completes the transfer.
    const done = await receive(id, [
      { sku: a, quantity: 2 },
      { sku: b, quantity: 2 },
    ]);
    expect(done.inventoryTransfer.status).toBe('RECEIVED');
    expect(await expectRejected(levels, () => receive(id, [{ sku: a, quantity: 1 }]))).toEqual([
      expect.objectContaining({ code: 'INVALID_STATUS' }),
    ]);
    expect(await ledgerMismatches(harness)).toEqual([]);
  });
});

describe('cancelling a transfer', () => {
  it('cancels only drafts, harmlessly twice, and a cancelled transfer cannot ship', async () => {
    const [a] = freshSkus(1);
    await addStock(harness, a, warehouse, 3);
    const drafted = await draft(warehouse, storeA, [{ sku: a, quantity: 2 }]);
    const cancelled = await cancel(drafted);
    expect(cancelled).toMatchObject({ userErrors: [], inventoryTransfer: { id: drafted, status: 'CANCELLED' } });
    expect((await cancel(drafted)).inventoryTransfer.status).toBe('CANCELLED');
    expect(await expectRejected([[a, warehouse]], () => ship(drafted))).toEqual([
      expect.objectContaining({ field: ['id'], code: 'INVALID_STATUS' }),
    ]);
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 3, reserved: 0, incoming: 0, available: 3 });

    const shipped = await draft(warehouse, storeA, [{ sku: a, quantity: 2 }]);
    expect((await ship(shipped)).userErrors).toEqual([]);
    const refused = await expectRejected(
      [
        [a, warehouse],
        [a, storeA],
      ],
      () => cancel(shipped),
    );
    expect(refused).toEqual([{ field: ['id'], code: 'INVALID_STATUS', message: expect.stringContaining('in transit') }]);
    expect(await statusOf(shipped)).toBe('IN_TRANSIT');
    expect(await expectRejected([], () => cancel('not-an-id'))).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });
});

describe('idempotent ship and receive', () => {
  it('replays a retried ship or receive without moving stock twice, and refuses a reused key', async () => {
    const [a] = freshSkus(1);
    await addStock(harness, a, warehouse, 10);
    const id = await draft(warehouse, storeB, [{ sku: a, quantity: 4 }]);
    const other = await draft(warehouse, storeB, [{ sku: a, quantity: 1 }]);

    const first = await ship(id, 'ship-key-1');
    expect(first.userErrors).toEqual([]);
    const movements = (await writeCounts(harness)).stock_movement;
    const retry = await ship(id, 'ship-key-1');
    expect(retry).toEqual(first);
    expect((await writeCounts(harness)).stock_movement).toBe(movements);
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 6, reserved: 0, incoming: 0, available: 6 });
    expect(await levelOf(harness, a, storeB)).toEqual({ onHand: 0, reserved: 0, incoming: 4, available: 0 });

    const reused = await expectRejected([[a, warehouse]], () => ship(other, 'ship-key-1'));
    expect(reused).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' })]);
    expect(await statusOf(other)).toBe('DRAFT');

    const received = await receive(id, [{ sku: a, quantity: 3 }], 'receive-key-1');
    expect(received.userErrors).toEqual([]);
    const again = await receive(id, [{ sku: a, quantity: 3 }], 'receive-key-1');
    expect(again.userErrors).toEqual([]);
    expect(again.inventoryTransfer.lines).toEqual([{ sku: a, quantity: 4, quantityReceived: 3 }]);
    expect(await levelOf(harness, a, storeB)).toEqual({ onHand: 3, reserved: 0, incoming: 1, available: 3 });
    const different = await expectRejected([[a, storeB]], () => receive(id, [{ sku: a, quantity: 1 }], 'receive-key-1'));
    expect(different).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_MISMATCH' })]);
    expect(await ledgerMismatches(harness)).toEqual([]);
  });

  it('refuses an idempotency key longer than 200 characters on ship and receive, moving nothing', async () => {
    const [a] = freshSkus(1);
    await addStock(harness, a, warehouse, 5);
    const id = await draft(warehouse, storeA, [{ sku: a, quantity: 2 }]);
    const key = randomBytes(3_000).toString('base64');
    const shipped = await expectRejected([[a, warehouse]], () => ship(id, key));
    expect(shipped).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'INVALID' })]);
    expect((await ship(id)).userErrors).toEqual([]);
    const received = await expectRejected([[a, storeA]], () => receive(id, [{ sku: a, quantity: 2 }], key));
    expect(received).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'INVALID' })]);
    expect(await statusOf(id)).toBe('IN_TRANSIT');
  });

  it('ships once when the same request races itself under one key', async () => {
    const [a] = freshSkus(1);
    await addStock(harness, a, warehouse, 5);
    const id = await draft(warehouse, storeA, [{ sku: a, quantity: 5 }]);
    const results = await Promise.all([ship(id, 'race-key'), ship(id, 'race-key'), ship(id, 'race-key')]);
    expect(results.map((r) => r.userErrors)).toEqual([[], [], []]);
    expect(results.map((r) => r.inventoryTransfer.status)).toEqual(['IN_TRANSIT', 'IN_TRANSIT', 'IN_TRANSIT']);
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 0, reserved: 0, incoming: 0, available: 0 });
    expect(await levelOf(harness, a, storeA)).toEqual({ onHand: 0, reserved: 0, incoming: 5, available: 0 });
    expect((await movementsOf(harness, a, warehouse)).filter((m) => m.reason === 'TRANSFER_OUT')).toHaveLength(1);
  });
});

describe('concurrent ships', () => {
  it('lets exactly one of two transfers through when together they exceed the source stock', async () => {
    const [a] = freshSkus(1);
    await addStock(harness, a, warehouse, 10);
    const first = await draft(warehouse, storeA, [{ sku: a, quantity: 6 }]);
    const second = await draft(warehouse, storeB, [{ sku: a, quantity: 6 }]);
    const results = await Promise.all([ship(first), ship(second)]);
    const ok = results.filter((r) => r.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    const refused = results.find((r) => r.userErrors.length > 0);
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['lines', '0', 'quantity'], code: 'INSUFFICIENT_STOCK' })]);
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 4, reserved: 0, incoming: 0, available: 4 });
    const incoming = (await levelOf(harness, a, storeA)).incoming + (await levelOf(harness, a, storeB)).incoming;
    expect(incoming).toBe(6);
    expect([await statusOf(first), await statusOf(second)].sort()).toEqual(['DRAFT', 'IN_TRANSIT']);
    expect(await ledgerMismatches(harness)).toEqual([]);
  });

  it('never takes the source below zero under many racing ships, and ships a transfer only once', async () => {
    const [a] = freshSkus(1);
    await addStock(harness, a, warehouse, 10);
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push(await draft(warehouse, i % 2 ? storeA : storeB, [{ sku: a, quantity: 3 }]));
    const results = await Promise.all([...ids, ids[0], ids[1]].map((id) => ship(id)));
    // 10 units cover three transfers of 3; a repeated ship of a shipped transfer is refused.
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(3);
    for (const code of results.flatMap((r) => r.userErrors.map((e: { code: string }) => e.code)))
      expect(['INSUFFICIENT_STOCK', 'INVALID_STATUS']).toContain(code);
    const statuses = await Promise.all(ids.map(statusOf));
    expect(statuses.filter((s) => s === 'IN_TRANSIT')).toHaveLength(3);
    expect((await movementsOf(harness, a, warehouse)).filter((m) => m.reason === 'TRANSFER_OUT')).toHaveLength(3);
    expect(await levelOf(harness, a, warehouse)).toEqual({ onHand: 1, reserved: 0, incoming: 0, available: 1 });
    expect(await ledgerMismatches(harness)).toEqual([]);
  });
});

describe('listing transfers', () => {
  it('lists newest first, pages with cursors, filters by status and resolves locations', async () => {
    const [a] = freshSkus(1);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(await draft(storeA, storeB, [{ sku: a, quantity: 1 }]));
    await cancel(ids[1]);
    const LIST = `query($first: Int, $after: String, $status: TransferStatus) { inventoryTransfers(first: $first, after: $after, status: $status) {
      nodes { id status fromLocation { name } toLocation { name } } pageInfo { hasNextPage endCursor } } }`;
    const page1 = (await gqlData(harness.url, LIST, { first: 2 })).inventoryTransfers;
    expect(page1.nodes.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1]]);
    expect(page1.nodes[0]).toMatchObject({ fromLocation: { name: 'Store Amsterdam' }, toLocation: { name: 'Store Berlin' } });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await gqlData(harness.url, LIST, { first: 1, after: page1.pageInfo.endCursor })).inventoryTransfers;
    expect(page2.nodes.map((n: { id: string }) => n.id)).toEqual([ids[0]]);

    const cancelled = (await gqlData(harness.url, LIST, { status: 'CANCELLED', first: 250 })).inventoryTransfers.nodes;
    expect(cancelled.map((n: { id: string }) => n.id)).toContain(ids[1]);
    expect(cancelled.every((n: { status: string }) => n.status === 'CANCELLED')).toBe(true);
    expect(cancelled.map((n: { id: string }) => n.id)).not.toContain(ids[0]);

    const bad = await gql(harness.url, LIST, { after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await gqlData(
      harness.url,
      `{ inventoryTransfer(id: "00000000-0000-4000-8000-000000000000") { id } a: inventoryTransfer(id: "nope") { id } }`,
    );
    expect(missing).toEqual({ inventoryTransfer: null, a: null });
  });
});

describe('closing a transfer short', () => {
  const CLOSE = `mutation($id: ID!) { inventoryTransferClose(id: $id) { inventoryTransfer { status lines { sku quantity quantityReceived } } ${ERRORS} } }`;
  const close = async (id: string) => (await gqlData(harness.url, CLOSE, { id })).inventoryTransferClose;

  it('writes off what never arrived: no longer incoming at the destination, recorded as LOST', async () => {
    const [sku] = freshSkus(1);
    await addStock(harness, sku, warehouse, 10);
    const id = await draft(warehouse, storeA, [{ sku, quantity: 6 }]);
    await ship(id);
    await receive(id, [{ sku, quantity: 4 }]);
    expect(await levelOf(harness, sku, storeA)).toMatchObject({ onHand: 4, incoming: 2 });
    const closed = await close(id);
    expect(closed).toMatchObject({ userErrors: [], inventoryTransfer: { status: 'CLOSED' } });
    expect(await levelOf(harness, sku, storeA)).toMatchObject({ onHand: 4, incoming: 0 });
    expect(await levelOf(harness, sku, warehouse)).toMatchObject({ onHand: 4 });
    const [lost] = await movementsOf(harness, sku, storeA).then((rows) => rows.filter((m: { reason: string }) => m.reason === 'LOST'));
    expect(lost).toMatchObject({ reason: 'LOST' });
    expect((await close(id)).inventoryTransfer.status).toBe('CLOSED');
    expect(await ledgerMismatches(harness)).toEqual([]);
  });

  it('refuses to close a draft, which is cancelled instead', async () => {
    const [sku] = freshSkus(1);
    await addStock(harness, sku, warehouse, 3);
    const id = await draft(warehouse, storeA, [{ sku, quantity: 1 }]);
    const errors = await expectRejected([[sku, storeA]], () => close(id));
    expect(errors[0].code).toBe('INVALID_STATUS');
  });
});
