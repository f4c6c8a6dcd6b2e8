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
import { countStatements } from '../../../test/support/products';
import { dbId } from '../../../test/support/ids';

let harness: InventoryHarness;
let store: string;
let warehouse: string;

beforeAll(async () => {
  harness = await startInventory();
  store = await createLocation(harness, 'Store Utrecht');
  warehouse = await createLocation(harness, 'North Warehouse', 'WAREHOUSE');
});
afterAll(() => harness.close());

let nextSku = 0;
const freshSkus = (n: number) => SKUS.slice(nextSku, (nextSku += n));

const ORDER = `id number supplier status expectedAt createdAt submittedAt receivedAt location { id name }
  lines { sku quantityOrdered quantityReceived }`;
const ERRORS = 'userErrors { field message code }';
const CREATE = `mutation($input: PurchaseOrderCreateInput!) { purchaseOrderCreate(input: $input) { purchaseOrder { ${ORDER} } ${ERRORS} } }`;
const SUBMIT = `mutation($id: ID!, $key: String) { purchaseOrderSubmit(id: $id, idempotencyKey: $key) { purchaseOrder { ${ORDER} } ${ERRORS} } }`;
const RECEIVE = `mutation($id: ID!, $lines: [StockLineInput!]!, $allow: Boolean, $key: String) {
  purchaseOrderReceive(id: $id, lines: $lines, allowOverReceipt: $allow, idempotencyKey: $key) { purchaseOrder { ${ORDER} } ${ERRORS} } }`;
const CANCEL = `mutation($id: ID!) { purchaseOrderCancel(id: $id) { purchaseOrder { ${ORDER} } ${ERRORS} } }`;

type Line = { sku: string; quantity: number };
type UserErrors = { field: string[]; message: string; code: string }[];

const create = async (input: Record<string, unknown>) => (await gqlData(harness.url, CREATE, { input })).purchaseOrderCreate;
async function draft(lines: Line[], locationId = store): Promise<string> {
  const result = await create({ supplier: 'Coglane Components', locationId, lines });
  expect(result.userErrors).toEqual([]);
  return result.purchaseOrder.id;
}
const submit = async (id: string, key?: string) => (await gqlData(harness.url, SUBMIT, { id, key })).purchaseOrderSubmit;
const receive = async (id: string, lines: Line[], options: { allow?: boolean; key?: string } = {}) =>
  (await gqlData(harness.url, RECEIVE, { id, lines, ...options })).purchaseOrderReceive;
const cancel = async (id: string) => (await gqlData(harness.url, CANCEL, { id })).purchaseOrderCancel;
const statusOf = async (id: string) =>
  (await gqlData(harness.url, `query($id: ID!) { purchaseOrder(id: $id) { status } }`, { id })).purchaseOrder.status;

async function submitted(lines: Line[], locationId = store): Promise<string> {
  const id = await draft(lines, locationId);
  expect((await submit(id)).userErrors).toEqual([]);
  return id;
}

async function expectRejected(levels: [string, string][], run: () => Promise<{ userErrors: UserErrors }>): Promise<UserErrors> {
  const before = await Promise.all([writeCounts(harness), ...levels.map(([sku, loc]) => levelOf(harness, sku, loc))]);
  const result = await run();
  expect(result.userErrors.length).toBeGreaterThan(0);
  expect(await Promise.all([writeCounts(harness), ...levels.map(([sku, loc]) => levelOf(harness, sku, loc))])).toEqual(before);
  return result.userErrors;
}

describe('a purchase order from draft to received', () => {
  it('makes stock incoming on submit and turns it into onHand as it arrives in parts', async () => {
    const [a, b] = freshSkus(2);
    await addStock(harness, a, store, 2);
    const created = await create({
      supplier: '  Coglane Components ',
      locationId: store,
      lines: [
        { sku: a, quantity: 10 },
        { sku: b, quantity: 4 },
      ],
      expectedAt: '2026-12-01T09:00:00.000Z',
    });
    expect(created.userErrors).toEqual([]);
    const order = created.purchaseOrder;
    expect(order).toMatchObject({
      supplier: 'Coglane Components',
      status: 'DRAFT',
      expectedAt: '2026-12-01T09:00:00.000Z',
      submittedAt: null,
      receivedAt: null,
      location: { id: store, name: 'Store Utrecht' },
      lines: [
        { sku: a, quantityOrdered: 10, quantityReceived: 0 },
        { sku: b, quantityOrdered: 4, quantityReceived: 0 },
      ],
    });
    expect(order.number).toMatch(/^PO-[2-9A-HJ-NP-Z]{6}$/);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 2, reserved: 0, incoming: 0, available: 2 });

    const sent = await submit(order.id);
    expect(sent.userErrors).toEqual([]);
    expect(sent.purchaseOrder).toMatchObject({ status: 'SUBMITTED', submittedAt: expect.any(String) });
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 2, reserved: 0, incoming: 10, available: 2 });
    expect(await levelOf(harness, b, store)).toEqual({ onHand: 0, reserved: 0, incoming: 4, available: 0 });

    const partly = await receive(order.id, [{ sku: a, quantity: 6 }]);
    expect(partly.userErrors).toEqual([]);
    expect(partly.purchaseOrder).toMatchObject({
      status: 'PARTIALLY_RECEIVED',
      receivedAt: null,
      lines: [
        { sku: a, quantityOrdered: 10, quantityReceived: 6 },
        { sku: b, quantityOrdered: 4, quantityReceived: 0 },
      ],
    });
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 8, reserved: 0, incoming: 4, available: 8 });

    const rest = await receive(order.id, [
      { sku: a, quantity: 4 },
      { sku: b, quantity: 4 },
    ]);
    expect(rest.userErrors).toEqual([]);
    expect(rest.purchaseOrder).toMatchObject({ status: 'RECEIVED', receivedAt: expect.any(String) });
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 12, reserved: 0, incoming: 0, available: 12 });
    expect(await levelOf(harness, b, store)).toEqual({ onHand: 4, reserved: 0, incoming: 0, available: 4 });

    const ref = `purchase-order:${dbId(order.id as string)}`;
    expect(await movementsOf(harness, a, store)).toEqual([
      { reason: 'CORRECTION', quantity: 2, incomingDelta: 0, reference: 'test-fixture' },
      { reason: 'INCOMING', quantity: 0, incomingDelta: 10, reference: ref },
      { reason: 'RECEIVED', quantity: 6, incomingDelta: -6, reference: ref },
      { reason: 'RECEIVED', quantity: 4, incomingDelta: -4, reference: ref },
    ]);
    expect(await ledgerMismatches(harness)).toEqual([]);
  });
});

describe('over-receipt', () => {
  it('refuses more than remains unless allowed, and then never takes incoming below zero', async () => {
    const [a, b] = freshSkus(2);
    const id = await submitted([
      { sku: a, quantity: 5 },
      { sku: b, quantity: 1 },
    ]);
    const levels: [string, string][] = [
      [a, store],
      [b, store],
    ];
    const refused = await expectRejected(levels, () => receive(id, [{ sku: a, quantity: 6 }]));
    expect(refused).toEqual([
      { field: ['lines', '0', 'quantity'], code: 'OVER_RECEIPT', message: expect.stringContaining(`Only 5 of ${a}`) },
    ]);

    expect((await receive(id, [{ sku: a, quantity: 3 }])).userErrors).toEqual([]);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 3, reserved: 0, incoming: 2, available: 3 });
    const extra = await receive(id, [{ sku: a, quantity: 4 }], { allow: true });
    expect(extra.userErrors).toEqual([]);
    expect(extra.purchaseOrder.lines[0]).toEqual({ sku: a, quantityOrdered: 5, quantityReceived: 7 });
    expect(extra.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 7, reserved: 0, incoming: 0, available: 7 });
    // A line already complete still takes extras when allowed, without touching incoming.
    expect(
      (
        await receive(
          id,
          [
            { sku: a, quantity: 1 },
            { sku: b, quantity: 1 },
          ],
          { allow: true },
        )
      ).purchaseOrder.status,
    ).toBe('RECEIVED');
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 8, reserved: 0, incoming: 0, available: 8 });
    expect(await ledgerMismatches(harness)).toEqual([]);
  });
});

describe('purchaseOrderCreate refuses bad input and writes nothing', () => {
  const lines = () => [{ sku: SKUS[0], quantity: 1 }];
  it.each([
    ['a blank supplier', () => ({ supplier: '   ' }), ['input', 'supplier'], 'BLANK'],
    ['a too-long supplier', () => ({ supplier: 's'.repeat(201) }), ['input', 'supplier'], 'TOO_LONG'],
    ['an unknown location', () => ({ locationId: '00000000-0000-4000-8000-000000000000' }), ['input', 'locationId'], 'NOT_FOUND'],
    ['an unknown SKU', () => ({ lines: [{ sku: 'NOT-IN-CATALOG', quantity: 2 }] }), ['input', 'lines', '0', 'sku'], 'UNKNOWN_SKU'],
    [
      'a zero quantity',
      () => ({ lines: [{ sku: SKUS[0], quantity: 0 }] }),
      ['input', 'lines', '0', 'quantity'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'the same SKU on two lines',
      () => ({
        lines: [
          { sku: SKUS[1], quantity: 1 },
          { sku: SKUS[1], quantity: 1 },
        ],
      }),
      ['input', 'lines', '1', 'sku'],
      'TAKEN',
    ],
    ['no lines', () => ({ lines: [] }), ['input', 'lines'], 'BLANK'],
    [
      'more than 250 lines',
      () => ({ lines: Array.from({ length: 251 }, (_, i) => ({ sku: `X-${i}`, quantity: 1 })) }),
      ['input', 'lines'],
      'TOO_MANY',
    ],
  ])('rejects %s', async (_label, change, field, code) => {
    const input = { supplier: 'Stopwell', locationId: store, lines: lines(), ...change() };
    const errors = await expectRejected([], () => create(input));
    expect(errors).toContainEqual(expect.objectContaining({ field, code }));
  });
});

describe('status rules', () => {
  it('submits only drafts and receives only submitted orders, writing nothing when refused', async () => {
    const [a, other] = freshSkus(2);
    const id = await draft([{ sku: a, quantity: 3 }]);
    const levels: [string, string][] = [[a, store]];
    expect(await expectRejected(levels, () => receive(id, [{ sku: a, quantity: 1 }]))).toEqual([
      expect.objectContaining({ field: ['id'], code: 'INVALID_STATUS' }),
    ]);
    expect((await submit(id)).userErrors).toEqual([]);
    expect(await expectRejected(levels, () => submit(id))).toEqual([
      {
        field: ['id'],
        code: 'INVALID_STATUS',
        message: expect.stringContaining('submitted; only a draft purchase order can be submitted'),
      },
    ]);
    expect(await expectRejected(levels, () => receive(id, [{ sku: other, quantity: 1 }]))).toEqual([
      expect.objectContaining({ field: ['lines', '0', 'sku'], code: 'NOT_FOUND' }),
    ]);
    expect(
      await expectRejected(levels, () =>
        receive(id, [
          { sku: a, quantity: 1 },
          { sku: a, quantity: 1 },
        ]),
      ),
    ).toEqual([expect.objectContaining({ field: ['lines', '1', 'sku'], code: 'TAKEN' })]);
    expect(await expectRejected(levels, () => receive(id, []))).toEqual([expect.objectContaining({ field: ['lines'], code: 'BLANK' })]);
    expect(await expectRejected(levels, () => submit('00000000-0000-4000-8000-000000000000'))).toEqual([
      expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' }),
    ]);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 0, reserved: 0, incoming: 3, available: 0 });
  });
});

describe('cancelling a purchase order', () => {
  it('cancels a draft without touching stock and a submitted order by releasing only its own incoming', async () => {
    const [a] = freshSkus(1);
    const drafted = await draft([{ sku: a, quantity: 2 }]);
    const movements = (await writeCounts(harness)).stock_movement;
    expect((await cancel(drafted)).purchaseOrder.status).toBe('CANCELLED');
    expect((await writeCounts(harness)).stock_movement).toBe(movements);

    const kept = await submitted([{ sku: a, quantity: 3 }]);
    const dropped = await submitted([{ sku: a, quantity: 5 }]);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 0, reserved: 0, incoming: 8, available: 0 });
    const result = await cancel(dropped);
    expect(result).toMatchObject({ userErrors: [], purchaseOrder: { status: 'CANCELLED' } });
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 0, reserved: 0, incoming: 3, available: 0 });
    expect((await movementsOf(harness, a, store)).at(-1)).toEqual({
      reason: 'INCOMING',
      quantity: 0,
      incomingDelta: -5,
      reference: `purchase-order:${dbId(dropped)}`,
    });
    // Cancelling again changes nothing.
    expect((await cancel(dropped)).userErrors).toEqual([]);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 0, reserved: 0, incoming: 3, available: 0 });

    expect((await receive(kept, [{ sku: a, quantity: 1 }])).userErrors).toEqual([]);
    const refused = await expectRejected([[a, store]], () => cancel(kept));
    expect(refused).toEqual([{ field: ['id'], code: 'INVALID_STATUS', message: expect.stringContaining('partially received') }]);
    expect(await statusOf(kept)).toBe('PARTIALLY_RECEIVED');
    expect(await ledgerMismatches(harness)).toEqual([]);
  });
});

describe('idempotent receive and submit', () => {
  it('replays a retried receipt, refuses the key for other lines, and receives once under racing retries', async () => {
    const [a] = freshSkus(1);
    const id = await submitted([{ sku: a, quantity: 10 }]);
    const first = await receive(id, [{ sku: a, quantity: 4 }], { key: 'delivery-note-17' });
    expect(first.userErrors).toEqual([]);
    expect(await receive(id, [{ sku: a, quantity: 4 }], { key: 'delivery-note-17' })).toEqual(first);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 4, reserved: 0, incoming: 6, available: 4 });
    const reused = await expectRejected([[a, store]], () => receive(id, [{ sku: a, quantity: 5 }], { key: 'delivery-note-17' }));
    expect(reused).toEqual([expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' })]);
    const allowFlag = await expectRejected([[a, store]], () =>
      receive(id, [{ sku: a, quantity: 4 }], { key: 'delivery-note-17', allow: true }),
    );
    expect(allowFlag).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_MISMATCH' })]);

    const racing = await Promise.all([1, 2, 3].map(() => receive(id, [{ sku: a, quantity: 2 }], { key: 'delivery-note-18' })));
    expect(racing.map((r) => r.userErrors)).toEqual([[], [], []]);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 6, reserved: 0, incoming: 4, available: 6 });
    expect((await movementsOf(harness, a, store)).filter((m) => m.reason === 'RECEIVED').map((m) => m.quantity)).toEqual([4, 2]);
    expect(await ledgerMismatches(harness)).toEqual([]);
  });

  it('replays a retried submit instead of refusing it', async () => {
    const [a] = freshSkus(1);
    const id = await draft([{ sku: a, quantity: 7 }]);
    const first = await submit(id, 'submit-1');
    expect(first.userErrors).toEqual([]);
    expect(await submit(id, 'submit-1')).toEqual(first);
    expect(await levelOf(harness, a, store)).toEqual({ onHand: 0, reserved: 0, incoming: 7, available: 0 });
  });
});

describe('listing purchase orders', () => {
  it('lists newest first with status filter and pages, resolving locations without N+1', async () => {
    const [a] = freshSkus(1);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await draft([{ sku: a, quantity: i + 1 }], i % 2 ? store : warehouse));
    await submit(ids[3]);
    const LIST = `query($first: Int, $after: String, $status: PurchaseOrderStatus) { purchaseOrders(first: $first, after: $after, status: $status) {
      edges { cursor node { id status location { name } } } pageInfo { hasNextPage endCursor } } }`;
    const drafts = (await gqlData(harness.url, LIST, { status: 'DRAFT', first: 2 })).purchaseOrders;
    expect(drafts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(drafts.edges.map((e: { node: { location: { name: string } } }) => e.node.location.name)).toEqual([
      'North Warehouse',
      'Store Utrecht',
    ]);
    const next = (await gqlData(harness.url, LIST, { status: 'DRAFT', first: 1, after: drafts.pageInfo.endCursor })).purchaseOrders;
    expect(next.edges[0].node.id).toBe(ids[0]);
    const all = (await gqlData(harness.url, LIST, { first: 1 })).purchaseOrders;
    expect(all.edges[0].node).toMatchObject({ id: ids[3], status: 'SUBMITTED' });

    const few = await countStatements(harness.server, () => gqlData(harness.url, LIST, { first: 1 }));
    const many = await countStatements(harness.server, () => gqlData(harness.url, LIST, { first: 20 }));
    expect(many).toBe(few);

    expect((await gql(harness.url, LIST, { first: 251 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await gqlData(harness.url, `{ purchaseOrder(id: "00000000-0000-4000-8000-000000000000") { id } }`)).toEqual({
      purchaseOrder: null,
    });
  });
});

describe('closing a purchase order short', () => {
  const CLOSE = `mutation($id: ID!) { purchaseOrderClose(id: $id) { purchaseOrder { status } ${ERRORS} } }`;
  const close = async (id: string) => (await gqlData(harness.url, CLOSE, { id })).purchaseOrderClose;

  it('stops counting the undelivered rest as incoming', async () => {
    const [sku] = freshSkus(1);
    const id = await submitted([{ sku, quantity: 10 }]);
    await receive(id, [{ sku, quantity: 7 }]);
    expect(await levelOf(harness, sku, store)).toMatchObject({ onHand: 7, incoming: 3 });
    expect(await close(id)).toEqual({ purchaseOrder: { status: 'CLOSED' }, userErrors: [] });
    expect(await levelOf(harness, sku, store)).toMatchObject({ onHand: 7, incoming: 0 });
    expect(await ledgerMismatches(harness)).toEqual([]);
    const errors = await expectRejected([[sku, store]], () => receive(id, [{ sku, quantity: 1 }]));
    expect(errors[0].code).toBe('INVALID_STATUS');
  });

  it('refuses to close a draft', async () => {
    const [sku] = freshSkus(1);
    const id = await draft([{ sku, quantity: 2 }]);
    const errors = await expectRejected([[sku, store]], () => close(id));
    expect(errors[0].code).toBe('INVALID_STATUS');
  });
});
