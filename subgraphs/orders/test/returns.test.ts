/**
 * Returns and refunds against the real inventory and promotions subgraphs: an online order picked
 * up at one store and returned at another restocks the other, refunds are each line's exact share
 * (150.00 + 60.00 with 20% off refund 120.00 and 48.00; three units of a shared discount sum to
 * the cent), a gift card + card order gives each tender at most what it paid, concurrent refunds
 * of the same units make one refund, and each bad input is refused with nothing changed.
 */
import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { bearer } from '../../../test/support/tokens';
import { completeCheckout, type PricedCart, type TenderInput } from '../src/checkout';
import { sweepExchanges } from '../src/returns';
import {
  adminCall,
  card,
  createGiftCard,
  giftCardBalance,
  ordersCall,
  pricedCart,
  receiveUpTo,
  startCheckoutSystem,
  type CheckoutSystem,
} from './checkout-fixture';

let system: CheckoutSystem;
let storeA: string;
let storeB: string;
let skus: string[];

beforeAll(async () => {
  system = await startCheckoutSystem();
  const inventory = system.subgraphs.servers.inventory.orm.em.fork();
  // Store A offers pickup: online orders are collected there.
  const [pick] = await sql<{ id: string }>(inventory, `select id from inventory.location where pickup_enabled order by name limit 1`);
  storeA = pick.id;
  skus = (
    await sql<{ sku: string }>(
      inventory,
      `select sku from inventory.inventory_level where location_id = ? order by on_hand - reserved desc, sku limit 3`,
      [storeA],
    )
  ).map((r) => r.sku);
  for (const sku of skus) await receiveUpTo(system, sku, storeA, 20);
  const [other] = await sql<{ id: string }>(inventory, `select id from inventory.location where id <> ? order by id limit 1`, [storeA]);
  storeB = other.id;
}, 120_000);
afterAll(() => system?.close());

const rows = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => sql<T>(system.orders.orm.em.fork(), text, params);
const inventoryRows = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  sql<T>(system.subgraphs.servers.inventory.orm.em.fork(), text, params);
/** The same staff member of each store every time, so a key is theirs across calls. */
const staffAt = (locationId: string) => bearer(Role.STAFF, { locationId, subject: `staff-of-${locationId}` });

/** What `read` gives once it is not null (an outbox consumer catching up), within 20 s. */
async function eventually<T>(read: () => Promise<T | null>): Promise<T> {
  for (const until = Date.now() + 20_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const value = await read();
    if (value !== null || Date.now() > until) {
      if (value === null) throw new Error('still nothing after 20 s');
      return value;
    }
  }
}

interface LineSpec {
  sku: string;
  unitMinor: number;
  quantity: number;
  discountMinor: number;
}

/** A WEB order collected at store A, priced as given (tax 19% included), paid by `tenders` (a card for the total by default). */
function cartOf(lines: LineSpec[], customerId: string | null): PricedCart {
  const base = pricedCart({ sku: lines[0].sku, locationId: storeA, customerId });
  const priced = lines.map((l) => {
    const subtotal = l.unitMinor * l.quantity;
    const total = subtotal - l.discountMinor;
    const tax = Math.round((total * 19) / 119);
    return {
      ...base.lines[0],
      sku: l.sku,
      quantity: l.quantity,
      unitPriceMinor: l.unitMinor,
      subtotalMinor: subtotal,
      discountMinor: l.discountMinor,
      taxMinor: tax,
      totalMinor: total,
      allocations: l.discountMinor
        ? [{ discountId: 'test-discount', title: 'Test discount', code: null, amountMinor: l.discountMinor }]
        : [],
      taxLines: [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: tax }],
    };
  });
  const sum = (f: (l: (typeof priced)[number]) => number) => priced.reduce((s, l) => s + f(l), 0);
  return {
    ...base,
    lines: priced,
    totals: {
      ...base.totals,
      subtotalMinor: sum((l) => l.subtotalMinor),
      discountTotalMinor: sum((l) => l.discountMinor),
      taxTotalMinor: sum((l) => l.taxMinor),
      totalMinor: sum((l) => l.totalMinor),
      taxLines: [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: sum((l) => l.taxMinor) }],
    },
  };
}

/** Places the order and hands it over at store A (ready for pickup, then collected with its code). */
async function placeAndPickUp(lines: LineSpec[], options: { customerId?: string | null; tenders?: TenderInput[] } = {}) {
  const cart = cartOf(lines, options.customerId ?? null);
  await completeCheckout(system.deps(), {
    scope: `cart:${cart.cartId}`,
    idempotencyKey: randomUUID(),
    input: {
      cartId: cart.cartId,
      email: null,
      tenders: options.tenders ?? [card(cart.totals.totalMinor)],
      expectedTotalMinor: cart.totals.totalMinor,
    },
    caller: { customerId: cart.customerId, isStaff: false },
    price: async () => cart,
  });
  const [order] = await rows<{ id: string }>(`select id from orders."order" where cart_id = ?`, [cart.cartId]);
  const staff = await staffAt(storeA);
  const ready = await ordersCall(
    system,
    `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { userErrors { code message } } }`,
    { id: order.id },
    staff,
  );
  expect(ready).toEqual({ orderReadyForPickup: { userErrors: [] } });
  const [{ pickup_code }] = await rows<{ pickup_code: string }>(`select pickup_code from orders."order" where id = ?`, [order.id]);
  const picked = await ordersCall(
    system,
    `mutation($id: ID!, $code: String, $key: String!) { orderPickUp(orderId: $id, input: { pickupCode: $code }, idempotencyKey: $key) { order { fulfillmentStatus } userErrors { code message } } }`,
    { id: order.id, code: pickup_code, key: randomUUID() },
    staff,
  );
  expect(picked).toEqual({ orderPickUp: { order: { fulfillmentStatus: 'PICKED_UP' }, userErrors: [] } });
  const lineIds = (await rows<{ id: string }>(`select id from orders.order_line where order_id = ? order by position`, [order.id])).map(
    (r) => r.id,
  );
  return { orderId: order.id, lineIds, customerId: cart.customerId };
}

const ERRORS = 'userErrors { field message code }';
const RETURN = `return { id status location { id } lines { id orderLineId quantity quantityRestocked quantityDamaged quantityMissing } }`;
const RETURN_CREATE = `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $locationId: ID!, $key: String!) {
  returnCreate(orderId: $orderId, lines: $lines, locationId: $locationId, idempotencyKey: $key) { ${RETURN} order { fulfillmentStatus } ${ERRORS} } }`;
const RETURN_REQUEST = `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $key: String!) {
  returnRequest(orderId: $orderId, lines: $lines, idempotencyKey: $key) { ${RETURN} ${ERRORS} } }`;
const RETURN_APPROVE = `mutation($id: ID!, $locationId: ID) { returnApprove(returnId: $id, locationId: $locationId) { ${RETURN} ${ERRORS} } }`;
const RETURN_DECLINE = `mutation($id: ID!) { returnDecline(returnId: $id, reason: "Worn") { ${RETURN} ${ERRORS} } }`;
const RETURN_RECEIVE = `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) {
  returnReceive(returnId: $id, lines: $lines) { ${RETURN} order { fulfillmentStatus } ${ERRORS} } }`;
const REFUND_CREATE = `mutation($orderId: ID!, $lines: [RefundLineInput!]!, $to: RefundTo!, $key: String!, $returnId: ID) {
  refundCreate(orderId: $orderId, lines: $lines, to: $to, idempotencyKey: $key, returnId: $returnId) {
    refund { id status total { amount } lines { orderLineId quantity amount { amount } } transactions { method amount { amount } }
      return { id refunds { id } } }
    order { financialStatus } ${ERRORS} } }`;

type Data = Record<string, any>;
const minor = (amount: string) => Math.round(Number(amount) * 100);
const amountOf = (m: number) => (m / 100).toFixed(2);

async function returnAt(locationId: string, orderId: string, lines: { orderLineId: string; quantity: number }[], key = randomUUID()) {
  const data = await ordersCall(
    system,
    RETURN_CREATE,
    { orderId, locationId, key, lines: lines.map((l) => ({ ...l, reason: 'Does not fit' })) },
    await staffAt(locationId),
  );
  return data.returnCreate as Data;
}

async function receive(locationId: string, returnId: string, lines: { returnLineId: string; quantity: number; disposition: string }[]) {
  return (await ordersCall(system, RETURN_RECEIVE, { id: returnId, lines }, await staffAt(locationId))).returnReceive as Data;
}

async function refund(
  orderId: string,
  lines: { orderLineId: string; quantity: number }[],
  to = 'ORIGINAL',
  key: string = randomUUID(),
  returnId: string | null = null,
) {
  return (await ordersCall(system, REFUND_CREATE, { orderId, lines, to, key, returnId }, await staffAt(storeB))).refundCreate as Data;
}

/** Takes back every unit of the order at store B and receives them as RESTOCK. */
async function returnAll(orderId: string, lineIds: string[], quantities: number[]) {
  const created = await returnAt(
    storeB,
    orderId,
    lineIds.map((orderLineId, i) => ({ orderLineId, quantity: quantities[i] })),
  );
  expect(created.userErrors).toEqual([]);
  const received = await receive(
    storeB,
    created.return.id,
    created.return.lines.map((l: Data) => ({ returnLineId: l.id, quantity: l.quantity, disposition: 'RESTOCK' })),
  );
  expect(received.userErrors).toEqual([]);
  return received;
}

/** Per payment: captured, refunded. */
async function ledgers(orderId: string) {
  return rows<{ method: string; captured: string; refunded: string }>(
    `select p.method, coalesce(sum(e.amount_minor) filter (where e.kind = 'CAPTURE' and e.status = 'SUCCEEDED'), 0) as captured,
            coalesce(sum(e.amount_minor) filter (where e.kind = 'REFUND' and e.status = 'SUCCEEDED'), 0) as refunded
       from orders.payment p left join orders.payment_event e on e.payment_id = p.id where p.order_id = ? group by p.id, p.method order by p.method`,
    [orderId],
  );
}

async function onHand(sku: string, locationId: string): Promise<number> {
  const [level] = await inventoryRows<{ on_hand: number }>(
    `select on_hand from inventory.inventory_level where sku = ? and location_id = ?`,
    [sku, locationId],
  );
  return level ? Number(level.on_hand) : 0;
}

describe('returns and refunds', () => {
  it('an online order picked up at A and returned at B restocks B; 150.00 + 60.00 with 20% off refunds 120.00 then 48.00', async () => {
    const { orderId, lineIds } = await placeAndPickUp([
      { sku: skus[0], unitMinor: 15_000, quantity: 1, discountMinor: 3_000 },
      { sku: skus[1], unitMinor: 6_000, quantity: 1, discountMinor: 1_200 },
    ]);
    const [atA, atB] = [await onHand(skus[0], storeA), await onHand(skus[0], storeB)];
    const received = await returnAll(orderId, lineIds, [1, 1]);
    expect(received.return.status).toBe('RECEIVED');
    expect(received.order.fulfillmentStatus).toBe('RETURNED');
    expect(await onHand(skus[0], storeB)).toBe(atB + 1);
    expect(await onHand(skus[0], storeA)).toBe(atA);
    const [movement] = await inventoryRows<{ reason: string; channel: string; quantity: number }>(
      `select reason, channel, quantity from inventory.stock_movement where sku = ? and location_id = ? and reference = ?`,
      [skus[0], storeB, `return:${String(received.return.id).split('/').pop()}`],
    );
    expect(movement).toEqual({ reason: 'RETURN', channel: 'POS', quantity: 1 });
    // The sales ledger counts the return negative at the store that took it back.
    const ledger = await rows<{ location_id: string; quantity: number; net_minor: string }>(
      `select location_id, quantity, net_minor from orders.sales_ledger_row where order_id = ? and kind = 'RETURN' order by net_minor`,
      [orderId],
    );
    expect(ledger).toEqual([
      { location_id: storeB, quantity: -1, net_minor: String(-Math.round(12_000 - (12_000 * 19) / 119)) },
      { location_id: storeB, quantity: -1, net_minor: String(-Math.round(4_800 - (4_800 * 19) / 119)) },
    ]);

    const first = await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }], 'ORIGINAL', randomUUID(), received.return.id);
    expect(first.userErrors).toEqual([]);
    // Named, the return and its refund point at each other.
    expect(first.refund.return).toEqual({ id: received.return.id, refunds: [{ id: first.refund.id }] });
    expect(first.refund).toMatchObject({
      status: 'SUCCEEDED',
      total: { amount: '120.00' },
      transactions: [{ method: 'TEST_CARD', amount: { amount: '120.00' } }],
    });
    expect(first.order.financialStatus).toBe('PARTIALLY_REFUNDED');
    const second = await refund(orderId, [{ orderLineId: lineIds[1], quantity: 1 }]);
    expect(second.refund.total.amount).toBe('48.00');
    expect(second.refund.return).toBeNull();
    expect(second.order.financialStatus).toBe('REFUNDED');
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '16800', refunded: '16800' }]);
    const [line] = await rows(
      `select quantity_returned, quantity_refunded, quantity_return_requested from orders.order_line where id = ?`,
      [lineIds[0]],
    );
    expect(line).toEqual({ quantity_returned: 1, quantity_refunded: 1, quantity_return_requested: 0 });
    const events = await rows<{ type: string }>(`select type from orders.order_event where order_id = ? order by sequence`, [orderId]);
    expect(events.map((e) => e.type).filter((t) => t.startsWith('re'))).toEqual([
      'return.requested',
      'return.received',
      'refund.created',
      'refund.created',
    ]);
  });

  it('three units sharing a 10.00 discount, refunded one at a time, sum to the cent', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[2], unitMinor: 1_000, quantity: 3, discountMinor: 1_000 }]);
    await returnAll(orderId, lineIds, [3]);
    const amounts: string[] = [];
    for (let i = 0; i < 3; i++) amounts.push((await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }])).refund.total.amount);
    // floor(20.00 × k / 3) for the first k units: 6.66, 13.33, 20.00.
    expect(amounts).toEqual(['6.66', '6.67', '6.67']);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '2000', refunded: '2000' }]);
  });

  it('gift card + card: the card is refunded first, neither gets back more than it paid, and each ledger sums', async () => {
    const code = await createGiftCard(system, '30.00');
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[0], unitMinor: 5_000, quantity: 2, discountMinor: 0 }], {
      tenders: [{ method: 'GIFT_CARD', amountMinor: 3_000, code }, card(7_000)],
    });
    expect(await giftCardBalance(system, code)).toBe('0.00');
    await returnAll(orderId, lineIds, [2]);
    const first = await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }]);
    expect(first.refund.transactions).toEqual([{ method: 'TEST_CARD', amount: { amount: '50.00' } }]);
    const second = await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }]);
    expect(second.refund.transactions).toEqual([
      { method: 'TEST_CARD', amount: { amount: '20.00' } },
      { method: 'GIFT_CARD', amount: { amount: '30.00' } },
    ]);
    expect(await giftCardBalance(system, code)).toBe('30.00');
    const byMethod = await ledgers(orderId);
    expect(byMethod).toEqual([
      { method: 'GIFT_CARD', captured: expect.any(String), refunded: '3000' },
      { method: 'TEST_CARD', captured: '7000', refunded: '7000' },
    ]);
  });

  it('concurrent refunds of the same units: one succeeds, the other finds nothing left', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[1], unitMinor: 4_000, quantity: 1, discountMinor: 0 }]);
    await returnAll(orderId, lineIds, [1]);
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    const results = await Promise.all(keys.map((key) => refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }], 'ORIGINAL', key)));
    expect(results.filter((r) => r.refund).length).toBe(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'NOT_REFUNDABLE').length).toBe(2);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '4000', refunded: '4000' }]);
    // The winner's key replays its refund; the same key with other input is refused.
    const winner = results.findIndex((r) => r.refund);
    const replay = await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }], 'ORIGINAL', keys[winner]);
    expect(replay.refund.id).toBe(results[winner].refund.id);
    const other = await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }], 'STORE_CREDIT', keys[winner]);
    expect(other.userErrors.map((e: Data) => e.code)).toEqual(['IDEMPOTENCY_KEY_MISMATCH']);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '4000', refunded: '4000' }]);
  });

  it('one key sent at once for two orders: one refund and one return each, the other call IDEMPOTENCY_KEY_MISMATCH, not a crash', async () => {
    const orders = [
      await placeAndPickUp([{ sku: skus[1], unitMinor: 1_500, quantity: 1, discountMinor: 0 }]),
      await placeAndPickUp([{ sku: skus[1], unitMinor: 2_500, quantity: 1, discountMinor: 0 }]),
    ];
    for (const { orderId, lineIds } of orders) await returnAll(orderId, lineIds, [1]);
    const code = (settled: PromiseSettledResult<Data>) =>
      settled.status === 'fulfilled' ? (settled.value.userErrors[0]?.code ?? 'OK') : `THROWN: ${String(settled.reason)}`;
    const key = randomUUID();
    const refunds = await Promise.allSettled(
      orders.map((o) => refund(o.orderId, [{ orderLineId: o.lineIds[0], quantity: 1 }], 'ORIGINAL', key)),
    );
    expect(refunds.map(code).sort()).toEqual(['IDEMPOTENCY_KEY_MISMATCH', 'OK']);
    expect(await rows(`select id from orders.refund where order_id = any(?)`, [orders.map((o) => o.orderId)])).toHaveLength(1);
    const more = [
      await placeAndPickUp([{ sku: skus[1], unitMinor: 1_000, quantity: 1, discountMinor: 0 }]),
      await placeAndPickUp([{ sku: skus[1], unitMinor: 1_000, quantity: 1, discountMinor: 0 }]),
    ];
    const returnKey = randomUUID();
    const returns = await Promise.allSettled(
      more.map((o) => returnAt(storeB, o.orderId, [{ orderLineId: o.lineIds[0], quantity: 1 }], returnKey)),
    );
    expect(returns.map(code).sort()).toEqual(['IDEMPOTENCY_KEY_MISMATCH', 'OK']);
    const opened = await rows(`select id from orders.order_return where order_id = any(?)`, [more.map((o) => o.orderId)]);
    expect(opened).toHaveLength(1);
  });

  it('a refund naming a return refunds only units that came back on it and are not refunded yet', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[2], unitMinor: 1_000, quantity: 3, discountMinor: 0 }]);
    const first = (await returnAll(orderId, lineIds, [2])).return.id as string;
    const second = await returnAt(storeB, orderId, [{ orderLineId: lineIds[0], quantity: 1 }]);
    expect(second.userErrors).toEqual([]);
    const code = (payload: Data) => payload.userErrors.map((e: Data) => e.code);
    const line = (quantity: number) => [{ orderLineId: lineIds[0], quantity }];
    // The second return is not received: nothing came back on it, though two units came back on the first.
    expect(code(await refund(orderId, line(1), 'ORIGINAL', randomUUID(), second.return.id))).toEqual(['NOT_REFUNDABLE']);
    expect((await refund(orderId, line(1), 'ORIGINAL', randomUUID(), first)).userErrors).toEqual([]);
    expect((await refund(orderId, line(1), 'ORIGINAL', randomUUID(), first)).userErrors).toEqual([]);
    expect(code(await refund(orderId, line(1), 'ORIGINAL', randomUUID(), first))).toEqual(['NOT_REFUNDABLE']);
    await receive(storeB, second.return.id, [{ returnLineId: second.return.lines[0].id, quantity: 1, disposition: 'RESTOCK' }]);
    expect(code(await refund(orderId, line(2), 'ORIGINAL', randomUUID(), second.return.id))).toEqual(['NOT_REFUNDABLE']);
    const last = await refund(orderId, line(1), 'ORIGINAL', randomUUID(), second.return.id);
    expect(last.userErrors).toEqual([]);
    expect(last.refund.return.refunds).toEqual([{ id: last.refund.id }]);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '3000', refunded: '3000' }]);
  });

  it("a customer's request is approved, received damaged (no stock) and refunded to store credit; a declined one frees its units", async () => {
    const customerId = randomUUID();
    await sql(
      system.subgraphs.servers.customers.orm.em.fork(),
      `insert into customers.customer (id, created_at, updated_at) values (?, now(), now())`,
      [customerId],
    );
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[2], unitMinor: 2_000, quantity: 2, discountMinor: 0 }], { customerId });
    const customer = await bearer(Role.CUSTOMER, { subject: customerId });
    const lines = [{ orderLineId: lineIds[0], quantity: 2, reason: 'Too small' }];
    const declined = (await ordersCall(system, RETURN_REQUEST, { orderId, lines, key: randomUUID() }, customer)).returnRequest as Data;
    expect(declined.return.status).toBe('REQUESTED');
    const decline = (await ordersCall(system, RETURN_DECLINE, { id: declined.return.id }, await staffAt(storeB))).returnDecline as Data;
    expect(decline.return.status).toBe('DECLINED');

    const asked = (
      await ordersCall(system, RETURN_REQUEST, { orderId, lines: [{ ...lines[0], quantity: 1 }], key: randomUUID() }, customer)
    ).returnRequest as Data;
    expect(asked.userErrors).toEqual([]);
    const approved = (await ordersCall(system, RETURN_APPROVE, { id: asked.return.id, locationId: storeB }, await staffAt(storeB)))
      .returnApprove as Data;
    expect(approved.return).toMatchObject({ status: 'OPEN', location: { id: `gid://commerce/Location/${storeB}` } });
    const before = await onHand(skus[2], storeB);
    const received = await receive(storeB, asked.return.id, [
      { returnLineId: asked.return.lines[0].id, quantity: 1, disposition: 'DAMAGED' },
    ]);
    expect(received.return.lines[0]).toMatchObject({ quantityDamaged: 1, quantityRestocked: 0 });
    expect(received.order.fulfillmentStatus).toBe('PARTIALLY_RETURNED');
    expect(await onHand(skus[2], storeB)).toBe(before);
    const credited = await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }], 'STORE_CREDIT');
    expect(credited.refund).toMatchObject({ status: 'SUCCEEDED', total: { amount: '20.00' } });
    const [credit] = await sql<{ balance: string }>(
      system.subgraphs.servers.promotions.orm.em.fork(),
      `select coalesce(sum(balance), 0) as balance from promotions.store_credit_account where customer_id = ?`,
      [customerId],
    );
    expect(Number(credit.balance)).toBe(2_000);

    // The customers subgraph puts the return on the timeline and lowers total spent by the refund.
    const timeline = await eventually(async () => {
      const types = await sql<{ type: string }>(
        system.subgraphs.servers.customers.orm.em.fork(),
        `select type from customers.customer_event where customer_id = ? order by occurred_at, id`,
        [customerId],
      );
      return types.some((t) => t.type === 'REFUND_CREATED') ? types.map((t) => t.type) : null;
    });
    expect(timeline.filter((t) => t.startsWith('RE'))).toEqual([
      'RETURN_REQUESTED',
      'RETURN_REQUESTED',
      'RETURN_RECEIVED',
      'REFUND_CREATED',
    ]);
    // Promotions takes back the points the refunded unit earned (half the order).
    const [{ number }] = await rows<{ number: string }>(`select number from orders."order" where id = ?`, [orderId]);
    const entries = await eventually(async () => {
      const found = await sql<{ kind: string; points: number; reference: string }>(
        system.subgraphs.servers.promotions.orm.em.fork(),
        `select e.kind, e.points, e.reference from promotions.loyalty_entry e join promotions.loyalty_account a on a.id = e.account_id
          where a.customer_id = ? order by e.created_at`,
        [customerId],
      );
      return found.length >= 2 ? found : null;
    });
    expect(entries[0]).toMatchObject({ kind: 'EARN', reference: `order:${number}` });
    expect(entries[1]).toMatchObject({ kind: 'ADJUST', points: -Math.floor(entries[0].points / 2), reference: `order-refunded:${number}` });
    const figures = await adminCall(system, 'customers', `query($id: ID!) { customer(id: $id) { totalSpent { amount } } }`, {
      id: customerId,
    });
    expect(figures.customer.totalSpent).toEqual({ amount: '20.00' });
  });

  it("staff approve or decline a customer's request only for a store they work at, also when the customer named it", async () => {
    const customerId = randomUUID();
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[2], unitMinor: 1_000, quantity: 1, discountMinor: 0 }], { customerId });
    const customer = await bearer(Role.CUSTOMER, { subject: customerId });
    const asked = (
      await ordersCall(
        system,
        `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $locationId: ID, $key: String!) {
          returnRequest(orderId: $orderId, lines: $lines, locationId: $locationId, idempotencyKey: $key) { ${RETURN} ${ERRORS} } }`,
        { orderId, locationId: storeB, lines: [{ orderLineId: lineIds[0], quantity: 1, reason: 'Too big' }], key: randomUUID() },
        customer,
      )
    ).returnRequest as Data;
    expect(asked.userErrors).toEqual([]);
    const rawId = String(asked.return.id).split('/').pop();
    // Staff of store A may not approve it at B, whether they name B or leave the customer's choice standing.
    for (const locationId of [storeB, null]) {
      await expect(ordersCall(system, RETURN_APPROVE, { id: asked.return.id, locationId }, await staffAt(storeA))).rejects.toThrow(
        /FORBIDDEN/,
      );
    }
    // Nor decline it: the request is store B's to answer.
    await expect(ordersCall(system, RETURN_DECLINE, { id: asked.return.id }, await staffAt(storeA))).rejects.toThrow(/FORBIDDEN/);
    expect(await rows(`select status from orders.order_return where id = ?`, [rawId])).toEqual([{ status: 'REQUESTED' }]);
    const approved = (await ordersCall(system, RETURN_APPROVE, { id: asked.return.id, locationId: null }, await staffAt(storeB)))
      .returnApprove as Data;
    expect(approved.return.status).toBe('OPEN');
  });

  it('refuses each bad input with a clear code, and nothing changes', async () => {
    const customerId = randomUUID();
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[0], unitMinor: 1_000, quantity: 2, discountMinor: 0 }], { customerId });
    const guest = await placeAndPickUp([{ sku: skus[1], unitMinor: 1_000, quantity: 1, discountMinor: 0 }]);
    const opened = await returnAt(storeB, orderId, [{ orderLineId: lineIds[0], quantity: 1 }]);
    expect(opened.userErrors).toEqual([]);
    await returnAll(guest.orderId, guest.lineIds, [1]);
    const snapshot = async () => ({
      lines: await rows(`select * from orders.order_line where order_id = any(?) order by id`, [[orderId, guest.orderId]]),
      returns: await rows(`select id, status, lines from orders.order_return where order_id = any(?) order by id`, [
        [orderId, guest.orderId],
      ]),
      refunds: await rows(`select id from orders.refund where order_id = any(?)`, [[orderId, guest.orderId]]),
      events: await rows(`select count(*) from orders.order_event where order_id = any(?)`, [[orderId, guest.orderId]]),
    });
    const before = await snapshot();
    const code = (payload: Data) => payload.userErrors.map((e: Data) => e.code);
    const customer = await bearer(Role.CUSTOMER, { subject: customerId });
    const request = async (as: Record<string, string>, id = orderId, quantity = 1) =>
      (
        await ordersCall(
          system,
          RETURN_REQUEST,
          { orderId: id, lines: [{ orderLineId: lineIds[0], quantity, reason: 'x' }], key: randomUUID() },
          as,
        )
      ).returnRequest as Data;

    // More than left: 2 bought, 1 already on a return.
    expect(code(await returnAt(storeB, orderId, [{ orderLineId: lineIds[0], quantity: 2 }]))).toEqual(['NOT_RETURNABLE']);
    expect(code(await returnAt(storeB, orderId, [{ orderLineId: lineIds[0], quantity: 0 }]))).toEqual(['GREATER_THAN_OR_EQUAL_TO']);
    expect(code(await returnAt(storeB, orderId, [{ orderLineId: lineIds[0], quantity: -1 }]))).toEqual(['GREATER_THAN_OR_EQUAL_TO']);
    expect(code(await request(await bearer(Role.CUSTOMER, { subject: randomUUID() })))).toEqual(['NOT_FOUND']);
    await rows(`update orders.fulfillment set created_at = now() - interval '31 days' where order_id = ?`, [orderId]);
    expect(code(await request(customer))).toEqual(['RETURN_WINDOW_CLOSED']);
    await rows(`update orders.fulfillment set created_at = now() where order_id = ?`, [orderId]);
    expect(code(await refund(guest.orderId, [{ orderLineId: guest.lineIds[0], quantity: 1 }], 'STORE_CREDIT'))).toEqual([
      'CUSTOMER_REQUIRED',
    ]);
    // Not received yet: nothing to refund.
    expect(code(await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }]))).toEqual(['NOT_REFUNDABLE']);
    expect(code(await refund(orderId, [{ orderLineId: lineIds[0], quantity: 0 }]))).toEqual(['GREATER_THAN_OR_EQUAL_TO']);
    // Another order's return.
    const elsewhereReturn = await refund(
      guest.orderId,
      [{ orderLineId: guest.lineIds[0], quantity: 1 }],
      'ORIGINAL',
      randomUUID(),
      opened.return.id,
    );
    expect(code(elsewhereReturn)).toEqual(['NOT_FOUND']);
    const elsewhere = await receive(storeB, opened.return.id, [{ returnLineId: randomUUID(), quantity: 1, disposition: 'RESTOCK' }]);
    expect(code(elsewhere)).toEqual(['NOT_FOUND']);
    const tooMany = await receive(storeB, opened.return.id, [
      { returnLineId: opened.return.lines[0].id, quantity: 2, disposition: 'RESTOCK' },
    ]);
    expect(code(tooMany)).toEqual(['LESS_THAN_OR_EQUAL_TO']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a real promotion', () => {
  it('a partly returned buy-2-get-1 till sale refunds what was paid for the units, not their list price', async () => {
    const { productVariant } = await adminCall(
      system,
      'products',
      `query($sku: String) { productVariant(sku: $sku) { price { amount } product { id } } }`,
      {
        sku: skus[2],
      },
    );
    const price = minor(productVariant.price.amount);
    const created = await adminCall(
      system,
      'promotions',
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id } userErrors { code message } } }`,
      {
        input: {
          title: 'Buy 2 get 1 (returns test)',
          kind: 'BUY_X_GET_Y',
          buyQuantity: 2,
          getQuantity: 1,
          channels: ['POS'],
          appliesTo: { type: 'PRODUCTS', productIds: [productVariant.product.id] },
        },
      },
    );
    expect(created.discountCreate.userErrors).toEqual([]);
    try {
      const sale = {
        clientOrderId: randomUUID(),
        deviceId: 'till-returns',
        lines: [{ sku: skus[2], quantity: 3 }],
        payments: [{ method: 'CASH', amount: { amount: amountOf(2 * price) } }],
      };
      const sold = (
        await ordersCall(
          system,
          `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) {
            order { id lines { id total { amount } } } userErrors { code message } } }`,
          { input: sale, key: randomUUID() },
          await staffAt(storeA),
        )
      ).posOrderCreate as Data;
      expect(sold.userErrors).toEqual([]);
      const orderId = String(sold.order.id).split('/').pop() as string;
      const lineId = String(sold.order.lines[0].id).split('/').pop() as string;
      expect(sold.order.lines[0].total.amount).toBe(amountOf(2 * price));
      await returnAll(orderId, [lineId], [2]);
      const first = await refund(orderId, [{ orderLineId: lineId, quantity: 1 }]);
      const second = await refund(orderId, [{ orderLineId: lineId, quantity: 1 }]);
      // Two of three units paid 2 × price together: each returned unit gives back its third of that, the second the remainder of two thirds.
      expect([first.refund.total.amount, second.refund.total.amount]).toEqual([
        amountOf(Math.floor((2 * price) / 3)),
        amountOf(Math.floor((4 * price) / 3) - Math.floor((2 * price) / 3)),
      ]);
      expect(minor(first.refund.total.amount)).toBeLessThan(price);
    } finally {
      await adminCall(system, 'promotions', `mutation($id: ID!) { discountDeactivate(id: $id) { userErrors { code } } }`, {
        id: created.discountCreate.discount.id,
      });
    }
  });
});

describe('cash at the till', () => {
  it("a cash sale refunded as store credit leaves the drawer's expected cash as it was: no cash left it", async () => {
    const customerId = randomUUID();
    await sql(
      system.subgraphs.servers.customers.orm.em.fork(),
      `insert into customers.customer (id, created_at, updated_at) values (?, now(), now())`,
      [customerId],
    );
    const cashier = await staffAt(storeA);
    const deviceId = `till-${randomUUID()}`;
    const opened = (
      await ordersCall(
        system,
        `mutation($at: ID!, $device: String!) { posSessionOpen(locationId: $at, deviceId: $device, openingFloat: { amount: "50.00" }) {
          session { id } userErrors { code } } }`,
        { at: storeA, device: deviceId },
        cashier,
      )
    ).posSessionOpen as Data;
    expect(opened.userErrors).toEqual([]);
    const { productVariant } = await adminCall(
      system,
      'products',
      `query($sku: String) { productVariant(sku: $sku) { price { amount } } }`,
      {
        sku: skus[2],
      },
    );
    const sold = (
      await ordersCall(
        system,
        `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) {
          order { id lines { id } } userErrors { code message } } }`,
        {
          input: {
            clientOrderId: randomUUID(),
            deviceId,
            customerId,
            lines: [{ sku: skus[2], quantity: 2 }],
            payments: [{ method: 'CASH', amount: { amount: amountOf(2 * minor(productVariant.price.amount)) } }],
          },
          key: randomUUID(),
        },
        cashier,
      )
    ).posOrderCreate as Data;
    expect(sold.userErrors).toEqual([]);
    const orderId = String(sold.order.id).split('/').pop() as string;
    const lineId = String(sold.order.lines[0].id).split('/').pop() as string;
    const expectedCash = async () => {
      const { posSessions } = await ordersCall(
        system,
        `query($at: ID!, $day: DateTime!) { posSessions(locationId: $at, date: $day) { id expectedCash { amount } } }`,
        { at: storeA, day: new Date().toISOString() },
        cashier,
      );
      return (posSessions as Data[]).find((s) => s.id === opened.session.id)?.expectedCash.amount as string;
    };
    const before = await expectedCash();
    expect(before).toBe(amountOf(5_000 + 2 * minor(productVariant.price.amount)));
    await returnAll(orderId, [lineId], [2]);
    // One unit to store credit through the selling till, one with no till named: neither takes cash out of the drawer.
    const credited = (
      await ordersCall(
        system,
        `mutation($orderId: ID!, $lines: [RefundLineInput!]!, $device: String, $key: String!) {
          refundCreate(orderId: $orderId, lines: $lines, to: STORE_CREDIT, deviceId: $device, idempotencyKey: $key) { refund { status } ${ERRORS} } }`,
        { orderId, lines: [{ orderLineId: lineId, quantity: 1 }], device: deviceId, key: randomUUID() },
        cashier,
      )
    ).refundCreate as Data;
    expect(credited).toEqual({ refund: { status: 'SUCCEEDED' }, userErrors: [] });
    expect((await refund(orderId, [{ orderLineId: lineId, quantity: 1 }], 'STORE_CREDIT')).refund.status).toBe('SUCCEEDED');
    const [credit] = await sql<{ balance: string }>(
      system.subgraphs.servers.promotions.orm.em.fork(),
      `select coalesce(sum(balance), 0) as balance from promotions.store_credit_account where customer_id = ?`,
      [customerId],
    );
    expect(Number(credit.balance)).toBe(2 * minor(productVariant.price.amount));
    expect(await expectedCash()).toBe(before);
  });
});

const EXCHANGE = `return { id status exchangeStatus exchangeLines { sku quantity unitPrice { amount } total { amount } }
  exchangeTotal { amount } exchangeCredit { amount } exchangeBalance { amount }
  exchangeOrder { id fulfillmentMethod shippingAddress { city } totals { total { amount } } financialStatus fulfillmentStatus payments { method amount { amount } } }
  refunds { id total { amount } exchangeCredit { amount } transactions { method amount { amount } } return { id } } }`;
const EXCHANGE_SET = `mutation($id: ID!, $lines: [ExchangeLineInput!]!, $shipTo: CartAddressInput) {
  returnExchangeLinesSet(returnId: $id, lines: $lines, shipTo: $shipTo) { ${EXCHANGE} ${ERRORS} } }`;
const EXCHANGE_SETTLE = `mutation($id: ID!, $payments: [PosPaymentInput!]!, $key: String!) {
  returnExchangeSettle(returnId: $id, payments: $payments, idempotencyKey: $key) { ${EXCHANGE} ${ERRORS} } }`;

describe('exchanges', () => {
  /** A SKU sold at the till with stock at store B, not one the orders above use. */
  let newSku: string;
  beforeAll(async () => {
    const [row] = await inventoryRows<{ sku: string }>(
      `select sku from inventory.inventory_level where location_id = ? and on_hand - reserved >= 10 and not (sku = any(?)) order by sku limit 1`,
      [storeB, skus],
    );
    newSku = row.sku;
  });

  const setLines = async (returnId: string, lines: { sku: string; quantity: number }[], as?: Record<string, string>, shipTo?: Data) =>
    (await ordersCall(system, EXCHANGE_SET, { id: returnId, lines, shipTo }, as ?? (await staffAt(storeB)))).returnExchangeLinesSet as Data;
  const settle = async (returnId: string, payments: Data[], key = randomUUID(), as?: Record<string, string>) =>
    (await ordersCall(system, EXCHANGE_SETTLE, { id: returnId, payments, key }, as ?? (await staffAt(storeB))))
      .returnExchangeSettle as Data;
  const cardFor = (amount: string) => ({ method: 'CARD', amount: { amount }, cardNumber: '4242424242424242' });

  it('a balance due holds the exchange until it is paid; bad input and a second key change nothing; concurrent settles make one order', async () => {
    const customerId = randomUUID();
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[0], unitMinor: 100, quantity: 1, discountMinor: 0 }], { customerId });
    const received = await returnAll(orderId, lineIds, [1]);
    const returnId = received.return.id as string;
    const rawId = returnId.split('/').pop();
    const set = await setLines(returnId, [{ sku: newSku, quantity: 2 }]);
    expect(set.userErrors).toEqual([]);
    const total = minor(set.return.exchangeTotal.amount);
    expect(set.return).toMatchObject({ exchangeStatus: 'AWAITING_PAYMENT', exchangeCredit: { amount: '1.00' }, exchangeOrder: null });
    expect(set.return.exchangeBalance.amount).toBe(amountOf(total - 100));
    expect(total).toBeGreaterThan(100);
    const due = amountOf(total - 100);

    const snapshot = async () => ({
      lines: await rows(`select quantity_refunded from orders.order_line where order_id = ?`, [orderId]),
      ret: await rows(`select status, exchange->>'status' as exchange from orders.order_return where id = ?`, [rawId]),
      refunds: await rows(`select id from orders.refund where order_id = ?`, [orderId]),
      orders: await rows(`select id from orders."order" where client_order_id = ?`, [`exchange:${rawId}`]),
    });
    const before = await snapshot();
    expect(before.orders).toEqual([]);
    const code = (payload: Data) => payload.userErrors.map((e: Data) => e.code);
    expect(code(await setLines(returnId, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]))).toEqual(['UNKNOWN_SKU']);
    expect(code(await setLines(returnId, [{ sku: newSku, quantity: 0 }]))).toEqual(['GREATER_THAN_OR_EQUAL_TO']);
    expect(code(await settle(returnId, [cardFor(amountOf(total - 101))]))).toEqual(['PAYMENT_MISMATCH']);
    expect(code(await settle(returnId, []))).toEqual(['PAYMENT_MISMATCH']);
    const stranger = await bearer(Role.CUSTOMER, { subject: randomUUID() });
    expect(code(await setLines(returnId, [{ sku: newSku, quantity: 1 }], stranger))).toEqual(['NOT_FOUND']);
    expect(code(await settle(returnId, [cardFor(due)], randomUUID(), stranger))).toEqual(['NOT_FOUND']);
    expect(code(await settle(returnId, [cardFor(due), { method: 'CARD', amount: { amount: '0.00' } }]))).toEqual(['BLANK']);
    expect(await snapshot()).toEqual(before);

    // Two callers with one key and two with others, at once: one exchange order, paid once. Requests sent together reach
    // the return's lock in no set order, so any of the three keys may claim it: every caller with that key is answered
    // the settlement, every other one EXCHANGE_SETTLED (the shared key's second caller among them when another key won).
    const [shared, other1, other2] = [randomUUID(), randomUUID(), randomUUID()];
    const keys = [shared, shared, other1, other2];
    const onHandBefore = await onHand(newSku, storeB);
    const results = await Promise.all(keys.map((key) => settle(returnId, [cardFor(due)], key)));
    const winners = results.filter((r) => r.return?.exchangeStatus === 'SETTLED');
    expect(results.filter((r) => r.userErrors[0]?.code === 'EXCHANGE_SETTLED').length + winners.length).toBe(4);
    const won = keys[results.findIndex((r) => r.return?.exchangeStatus === 'SETTLED')];
    expect(won).toBeDefined();
    expect(results.map((r) => r.return?.exchangeStatus ?? r.userErrors[0]?.code)).toEqual(
      keys.map((key) => (key === won ? 'SETTLED' : 'EXCHANGE_SETTLED')),
    );
    // Every caller told it is settled sees the exchange order, the same one.
    const orderIds = winners.map((w) => w.return.exchangeOrder?.id);
    expect(orderIds).toEqual(orderIds.map(() => expect.any(String)));
    expect(new Set(orderIds).size).toBe(1);
    // Replayed under the winning key once every caller is done: the first answer, the goods handed over.
    const placed = (await settle(returnId, [cardFor(due)], won)).return;
    expect(placed.exchangeOrder.id).toBe(winners[0].return.exchangeOrder.id);
    expect(placed.exchangeOrder).toMatchObject({
      totals: { total: { amount: amountOf(total) } },
      financialStatus: 'PAID',
      fulfillmentStatus: 'PICKED_UP',
    });
    expect(placed.exchangeOrder.payments).toEqual([
      { method: 'EXCHANGE_CREDIT', amount: { amount: '1.00' } },
      { method: 'TEST_CARD', amount: { amount: due } },
    ]);
    // The returned unit is refunded into the exchange: nothing goes back to the card.
    expect(placed.refunds).toEqual([
      { id: expect.any(String), total: { amount: '1.00' }, exchangeCredit: { amount: '1.00' }, transactions: [], return: { id: returnId } },
    ]);
    expect(await onHand(newSku, storeB)).toBe(onHandBefore - 2);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '100', refunded: '0' }]);
    expect(code(await settle(returnId, [cardFor(due)]))).toEqual(['EXCHANGE_SETTLED']);
    expect(code(await setLines(returnId, [{ sku: newSku, quantity: 1 }]))).toEqual(['EXCHANGE_SETTLED']);
    // The original order's unit cannot be refunded again.
    expect(code(await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }]))).toEqual(['NOT_REFUNDABLE']);
  });

  it('an exchange that costs less refunds the difference to the original tenders, exactly', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[1], unitMinor: 900_000, quantity: 1, discountMinor: 0 }]);
    const received = await returnAll(orderId, lineIds, [1]);
    const returnId = received.return.id as string;
    const set = await setLines(returnId, [{ sku: newSku, quantity: 1 }]);
    const total = minor(set.return.exchangeTotal.amount);
    expect(set.return.exchangeBalance.amount).toBe(amountOf(total - 900_000));
    const done = await settle(returnId, []);
    expect(done.userErrors).toEqual([]);
    expect(done.return.exchangeOrder.payments).toEqual([{ method: 'EXCHANGE_CREDIT', amount: { amount: amountOf(total) } }]);
    expect(done.return.exchangeOrder.financialStatus).toBe('PAID');
    expect(done.return.refunds).toEqual([
      {
        id: expect.any(String),
        total: { amount: '9000.00' },
        exchangeCredit: { amount: amountOf(total) },
        transactions: [{ method: 'TEST_CARD', amount: { amount: amountOf(900_000 - total) } }],
        return: { id: returnId },
      },
    ]);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '900000', refunded: String(900_000 - total) }]);
  });

  it('a customer settles an exchange handed over at a return location that offers no pickup to online shoppers', async () => {
    const customerId = randomUUID();
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[0], unitMinor: 100, quantity: 1, discountMinor: 0 }], { customerId });
    const returnId = (await returnAll(orderId, lineIds, [1])).return.id as string;
    const customer = await bearer(Role.CUSTOMER, { subject: customerId });
    const set = await setLines(returnId, [{ sku: newSku, quantity: 1 }], customer);
    expect(set.userErrors).toEqual([]);
    const due = amountOf(minor(set.return.exchangeTotal.amount) - 100);
    const [{ pickup_enabled: offered }] = await inventoryRows<{ pickup_enabled: boolean }>(
      `select pickup_enabled from inventory.location where id = ?`,
      [storeB],
    );
    await inventoryRows(`update inventory.location set pickup_enabled = false where id = ?`, [storeB]);
    try {
      const done = await settle(returnId, [cardFor(due)], randomUUID(), customer);
      expect(done.userErrors).toEqual([]);
    } finally {
      await inventoryRows(`update inventory.location set pickup_enabled = ? where id = ?`, [offered, storeB]);
    }
  });

  it('shipped: the exchange order goes to fulfilment once paid, not over the counter', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[2], unitMinor: 900_000, quantity: 1, discountMinor: 0 }]);
    const returnId = (await returnAll(orderId, lineIds, [1])).return.id as string;
    const shipTo = { address1: 'Hauptstraße 1', city: 'Köln', postalCode: '50667', countryCode: 'DE' };
    const abroad = await setLines(returnId, [{ sku: newSku, quantity: 1 }], undefined, { ...shipTo, countryCode: 'ZZ' });
    expect(abroad.userErrors.map((e: Data) => e.code)).toEqual(['INVALID']);
    expect((await setLines(returnId, [{ sku: newSku, quantity: 1 }], undefined, shipTo)).userErrors).toEqual([]);
    const done = await settle(returnId, []);
    expect(done.userErrors).toEqual([]);
    expect(done.return.exchangeOrder).toMatchObject({
      fulfillmentMethod: 'SHIP',
      shippingAddress: { city: 'Köln' },
      financialStatus: 'PAID',
      fulfillmentStatus: 'UNFULFILLED',
    });
  });

  it('a shipped exchange cancelled before it leaves gives the whole original payment back, the credit included', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[2], unitMinor: 900_000, quantity: 1, discountMinor: 0 }]);
    const returnId = (await returnAll(orderId, lineIds, [1])).return.id as string;
    const shipTo = { address1: 'Hauptstraße 1', city: 'Köln', postalCode: '50667', countryCode: 'DE' };
    expect((await setLines(returnId, [{ sku: newSku, quantity: 1 }], undefined, shipTo)).userErrors).toEqual([]);
    const done = await settle(returnId, []);
    expect(done.userErrors).toEqual([]);
    const exchangeOrderId = String(done.return.exchangeOrder.id).split('/').pop() as string;
    const credit = minor(done.return.exchangeOrder.payments[0].amount.amount);
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '900000', refunded: String(900_000 - credit) }]);

    const cancelled = (
      await ordersCall(
        system,
        `mutation($id: ID!, $key: String!) { orderCancel(orderId: $id, reason: "Changed my mind", idempotencyKey: $key) {
          order { status } refundTotal { amount } userErrors { code message } } }`,
        { id: exchangeOrderId, key: randomUUID() },
        await staffAt(storeB),
      )
    ).orderCancel as Data;
    expect(cancelled).toMatchObject({ order: { status: 'CANCELLED' }, refundTotal: { amount: amountOf(credit) }, userErrors: [] });
    // Nothing was kept: the credit the exchange used goes back to the card that paid for the returned unit.
    expect(await ledgers(orderId)).toEqual([{ method: 'TEST_CARD', captured: '900000', refunded: '900000' }]);
  });

  it('exchange lines on a return whose units were partly refunded already are refused with a code, not an internal error', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[0], unitMinor: 1_000, quantity: 2, discountMinor: 0 }]);
    const returnId = (await returnAll(orderId, lineIds, [2])).return.id as string;
    expect((await refund(orderId, [{ orderLineId: lineIds[0], quantity: 1 }])).userErrors).toEqual([]);
    const set = await setLines(returnId, [{ sku: newSku, quantity: 1 }]);
    expect(set.userErrors.map((e: Data) => e.code)).toEqual(['NOT_REFUNDABLE']);
    expect(await rows(`select exchange from orders.order_return where id = ?`, [returnId.split('/').pop()])).toEqual([{ exchange: null }]);
  });

  /** Two returns of one unit each, received, with exchange lines set and nothing to pay. */
  const twoExchanges = async (): Promise<string[]> => {
    const returns: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[1], unitMinor: 900_000, quantity: 1, discountMinor: 0 }]);
      const returnId = (await returnAll(orderId, lineIds, [1])).return.id as string;
      expect((await setLines(returnId, [{ sku: newSku, quantity: 1 }])).userErrors).toEqual([]);
      returns.push(returnId);
    }
    return returns;
  };

  it("one settle key used again for another return's exchange is IDEMPOTENCY_KEY_MISMATCH, and that exchange stays unsettled", async () => {
    const returns = await twoExchanges();
    const key = randomUUID();
    expect((await settle(returns[0], [], key)).return.exchangeStatus).toBe('SETTLED');
    const reused = await settle(returns[1], [], key);
    expect(reused.userErrors.map((e: Data) => e.code)).toEqual(['IDEMPOTENCY_KEY_MISMATCH']);
    const [other] = await rows(`select exchange->>'status' as status from orders.order_return where id = ?`, [returns[1].split('/').pop()]);
    expect(other).toEqual({ status: 'AWAITING_PAYMENT' });
    // The key still answers its own exchange.
    expect((await settle(returns[0], [], key)).return.exchangeStatus).toBe('SETTLED');
  });

  it("one settle key sent at once for two returns' exchanges settles one of them; the other is IDEMPOTENCY_KEY_MISMATCH", async () => {
    const returns = await twoExchanges();
    const key = randomUUID();
    const staff = await staffAt(storeB);
    const answers = await Promise.all(returns.map((returnId) => settle(returnId, [], key, staff)));
    const codes = answers.map((answer) => answer.userErrors.map((e: Data) => e.code));
    expect(codes.sort()).toEqual([[], ['IDEMPOTENCY_KEY_MISMATCH']]);
    const statuses = await rows<{ status: string }>(
      `select exchange->>'status' as status from orders.order_return where id = any(?) order by exchange->>'status'`,
      [returns.map((id) => id.split('/').pop())],
    );
    expect(statuses).toEqual([{ status: 'AWAITING_PAYMENT' }, { status: 'SETTLED' }]);
  });

  it('a declined card undoes the claim; a settlement left by a dead process is finished by the sweeper', async () => {
    const { orderId, lineIds } = await placeAndPickUp([{ sku: skus[0], unitMinor: 100, quantity: 1, discountMinor: 0 }]);
    const returnId = (await returnAll(orderId, lineIds, [1])).return.id as string;
    const rawId = returnId.split('/').pop();
    const set = await setLines(returnId, [{ sku: newSku, quantity: 1 }]);
    const due = amountOf(minor(set.return.exchangeTotal.amount) - 100);
    const state = async () => ({
      line: await rows(`select quantity_refunded from orders.order_line where order_id = ?`, [orderId]),
      exchange: await rows(`select exchange->>'status' as status from orders.order_return where id = ?`, [rawId]),
    });
    const before = await state();
    const declined = await settle(returnId, [{ ...cardFor(due), cardNumber: '4000000000000002' }]);
    expect(declined.userErrors.map((e: Data) => e.code)).toEqual(['PAYMENT_DECLINED']);
    expect(await state()).toEqual(before);

    const done = await settle(returnId, [cardFor(due)]);
    expect(done.return.exchangeStatus).toBe('SETTLED');
    // As if the process died after placing the exchange order, before writing the refund.
    await rows(`delete from orders.refund where order_id = ?`, [orderId]);
    await rows(
      `update orders.order_return set exchange = exchange || '{"status": "SETTLING", "refundId": null}'::jsonb,
         updated_at = now() - interval '1 minute' where id = ?`,
      [rawId],
    );
    expect(await sweepExchanges(system.deps())).toBeGreaterThanOrEqual(1);
    const [after] = await rows<{ status: string; order_id: string; total: string }>(
      `select r.exchange->>'status' as status, r.exchange->>'orderId' as order_id, f.total_minor as total
         from orders.order_return r join orders.refund f on f.id = (r.exchange->>'refundId')::uuid where r.id = ?`,
      [rawId],
    );
    expect(after).toEqual({ status: 'SETTLED', order_id: done.return.exchangeOrder.id.split('/').pop(), total: '100' });
  });
});
