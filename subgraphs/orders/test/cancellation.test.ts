/**
 * Cancelling orders and units against the real inventory and promotions subgraphs: every tender
 * given back and nothing left held, the key's guarantees, the exact share of a line, a line that
 * left refused, and an expired pickup cancelled once by racing sweepers.
 */
import { randomUUID } from 'node:crypto';
import { Role, ServiceCredentials } from '#platform/auth';
import { sql } from '#platform/db';
import { InternalClient } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import { bearer } from '../../../test/support/tokens';
import { dbId } from '../../../test/support/ids';
import { cancel, sweepCancellations, sweepExpiredPickups } from '../src/cancellation';
import { completeCheckout, type CheckoutDeps, type PricedCart, type PricedCartLine, type TenderInput } from '../src/checkout';
import { summarizePayment, type PaymentEvent } from '../src/payments';
import {
  adminCall,
  card,
  createGiftCard,
  giftCardBalance,
  heldDiscountUses,
  heldStock,
  ordersCall,
  pricedCart,
  startCheckoutSystem,
  stockedSku,
  type CheckoutSystem,
} from './checkout-fixture';

let system: CheckoutSystem;
let sku: string;
let otherSku: string;
let locationId: string;
let staff: Record<string, string>;

beforeAll(async () => {
  system = await startCheckoutSystem();
  ({ sku, locationId } = await stockedSku(system, 40));
  const [other] = await sql<{ sku: string }>(
    system.subgraphs.servers.inventory.orm.em.fork(),
    `select sku from inventory.inventory_level where location_id = ? and on_hand - reserved >= 10 and sku <> ? order by sku limit 1`,
    [locationId, sku],
  );
  otherSku = other.sku;
  staff = await bearer(Role.STAFF);
}, 120_000);
afterAll(() => system?.close());

const rows = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => sql<T>(system.orders.orm.em.fork(), text, params);
const promotionsRows = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  sql<T>(system.subgraphs.servers.promotions.orm.em.fork(), text, params);

/** Places `cart` paid by `tenders`; a crash fault after placing leaves the order as the dead process left it. */
async function place(cart: PricedCart, tenders: TenderInput[], deps: CheckoutDeps = system.deps()): Promise<string> {
  const customerId = cart.customerId;
  await completeCheckout(deps, {
    scope: customerId ? `customer:${customerId}` : `cart:${cart.cartId}`,
    idempotencyKey: randomUUID(),
    input: { cartId: cart.cartId, email: null, tenders, expectedTotalMinor: cart.totals.totalMinor },
    caller: { customerId, isStaff: false },
    price: async () => cart,
  }).catch((error: unknown) => {
    if (!String(error).includes('crash injected')) throw error;
  });
  const [order] = await rows<{ id: string }>(`select id from orders."order" where cart_id = ?`, [cart.cartId]);
  if (!order) throw new Error('no order was placed');
  return order.id;
}

const RESULT = `order { status financialStatus } refundTotal { amount } userErrors { field message code }`;
const ORDER_CANCEL = `mutation($orderId: ID!, $reason: String!, $refundTo: RefundTo!, $key: String!) {
  orderCancel(orderId: $orderId, reason: $reason, refundTo: $refundTo, idempotencyKey: $key) { ${RESULT} } }`;
const LINES_CANCEL = `mutation($orderId: ID!, $lines: [OrderLineCancelInput!]!, $reason: String!, $key: String!) {
  orderLinesCancel(orderId: $orderId, lines: $lines, reason: $reason, idempotencyKey: $key) { ${RESULT} } }`;

interface CancelResult {
  order: { status: string; financialStatus: string } | null;
  refundTotal: { amount: string } | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

async function cancelOrder(
  orderId: string,
  options: { key?: string; reason?: string; refundTo?: string; as?: Record<string, string> } = {},
): Promise<CancelResult> {
  const data = await ordersCall(
    system,
    ORDER_CANCEL,
    {
      orderId,
      reason: options.reason ?? 'Customer changed their mind',
      refundTo: options.refundTo ?? 'ORIGINAL',
      key: options.key ?? randomUUID(),
    },
    options.as ?? staff,
  );
  return data.orderCancel as CancelResult;
}

async function cancelLines(orderId: string, lines: { orderLineId: string; quantity: number }[], key = randomUUID()): Promise<CancelResult> {
  const data = await ordersCall(system, LINES_CANCEL, { orderId, lines, reason: 'Out of stock at the supplier', key }, staff);
  return data.orderLinesCancel as CancelResult;
}

async function lineIds(orderId: string): Promise<string[]> {
  return (await rows<{ id: string }>(`select id from orders.order_line where order_id = ? order by position`, [orderId])).map((r) => r.id);
}

/** Each payment of the order: nothing left authorized, and everything captured given back (or, with `kept`, that much kept). */
async function expectLedgersSettled(orderId: string, keptMinor = 0): Promise<void> {
  const events = await rows<{ payment_id: string; kind: PaymentEvent['kind']; amount_minor: string; status: PaymentEvent['status'] }>(
    `select e.payment_id, e.kind, e.amount_minor, e.status from orders.payment_event e join orders.payment p on p.id = e.payment_id
      where p.order_id = ? order by e.id`,
    [orderId],
  );
  let kept = 0;
  for (const paymentId of new Set(events.map((e) => e.payment_id))) {
    const summary = summarizePayment(
      events
        .filter((e) => e.payment_id === paymentId)
        .map((e) => ({ kind: e.kind, amountMinor: Number(e.amount_minor), status: e.status })),
    );
    expect(summary.authorizedMinor - summary.capturedMinor - summary.voidedMinor).toBe(0);
    kept += summary.capturedMinor - summary.refundedMinor;
  }
  expect(kept).toBe(keptMinor);
}

/** Units the order's hold still has (inventory's reservation under the checkout's key). */
async function heldFor(orderId: string): Promise<number> {
  const [order] = await rows<{ checkout_id: string }>(`select checkout_id from orders."order" where id = ?`, [orderId]);
  const [held] = await sql<{ units: string }>(
    system.subgraphs.servers.inventory.orm.em.fork(),
    `select coalesce(sum((line->>'quantity')::int), 0) as units from inventory.reservation r, jsonb_array_elements(r.lines) line
      where r.key = ? and r.status in ('PENDING', 'CONFIRMED')`,
    [`checkout:${order.checkout_id}:stock`],
  );
  return Number(held.units);
}

async function expectNothingHeld(before: Awaited<ReturnType<typeof heldStock>>, orderId: string): Promise<void> {
  expect(await heldFor(orderId)).toBe(0);
  expect(await heldStock(system)).toEqual(before);
  expect(await heldDiscountUses(system)).toBe(0);
  expect(await system.card.openAuthorizations()).toEqual([]);
}

async function customerWith(options: { storeCredit?: string; points?: number }): Promise<string> {
  const customerId = randomUUID();
  if (options.storeCredit) {
    const issued = await adminCall(
      system,
      'promotions',
      `mutation($input: StoreCreditIssueInput!, $key: String) { storeCreditIssue(input: $input, idempotencyKey: $key) { userErrors { code } } }`,
      { input: { customerId, amount: { amount: options.storeCredit }, reason: 'Goodwill' }, key: `credit-${customerId}` },
    );
    expect(issued.storeCreditIssue.userErrors).toEqual([]);
  }
  if (options.points) {
    const granted = await adminCall(
      system,
      'promotions',
      `mutation($input: LoyaltyPointsAdjustInput!, $key: String) { loyaltyPointsAdjust(input: $input, idempotencyKey: $key) { userErrors { code } } }`,
      { input: { customerId, points: options.points, reason: 'Welcome' }, key: `welcome-${customerId}` },
    );
    expect(granted.loyaltyPointsAdjust.userErrors).toEqual([]);
  }
  return customerId;
}

const storeCredit = async (customerId: string) =>
  Number(
    (
      await promotionsRows<{ balance: string }>(`select balance from promotions.store_credit_account where customer_id = ?`, [customerId])
    )[0]?.balance ?? 0,
  );
/** Points the customer holds apart from those orders earned and their cancellations took back (promotions' order-events consumer, in its own time). */
const points = async (customerId: string) =>
  Number(
    (
      await promotionsRows<{ points: string }>(
        `select coalesce(sum(e.points), 0) as points from promotions.loyalty_entry e join promotions.loyalty_account a on a.id = e.account_id
          where a.customer_id = ? and e.kind <> 'EARN' and coalesce(e.reference, '') not like 'order-cancelled:%'`,
        [customerId],
      )
    )[0].points,
  );

describe('cancelling a whole order', () => {
  it.each([
    ['TEST_CARD authorized', 'authorized'],
    ['TEST_CARD captured', 'captured'],
    ['GIFT_CARD', 'gift'],
    ['STORE_CREDIT', 'credit'],
    ['LOYALTY_POINTS', 'points'],
  ])('after %s leaves every ledger summing and nothing held', async (_label, kind) => {
    const before = await heldStock(system);
    const customerId = await customerWith({ storeCredit: '150', points: 20_000 });
    const cart = pricedCart({ sku, locationId, quantity: 1, customerId });
    const total = cart.totals.totalMinor;
    const code = await createGiftCard(system, '150');
    const tenders: Record<string, TenderInput[]> = {
      authorized: [card(total)],
      captured: [card(total)],
      gift: [{ method: 'GIFT_CARD', amountMinor: total, code }],
      credit: [{ method: 'STORE_CREDIT', amountMinor: total }],
      points: [{ method: 'LOYALTY_POINTS', amountMinor: 4_000 }, card(total - 4_000)],
    };
    // A checkout whose process died after placing the order: the card is authorized, never captured.
    const deps = kind === 'authorized' ? system.deps({ faults: ['crash:place'] }) : system.deps();
    const orderId = await place(cart, tenders[kind], deps);
    const result = await cancelOrder(orderId);
    expect(result.userErrors).toEqual([]);
    expect(result.refundTotal).toEqual({ amount: (total / 100).toFixed(2) });
    expect(result.order?.status).toBe('CANCELLED');
    expect(result.order?.financialStatus).toBe(kind === 'authorized' ? 'VOIDED' : 'REFUNDED');
    await expectLedgersSettled(orderId);
    await expectNothingHeld(before, orderId);
    expect(await giftCardBalance(system, code)).toBe('150.00');
    expect(await storeCredit(customerId)).toBe(15_000);
    expect(await points(customerId)).toBe(20_000);
    const [cancellation] = await rows<{ state: string }>(`select state from orders.cancellation where order_id = ?`, [orderId]);
    expect(cancellation.state).toBe('COMPLETED');
    const events = await rows<{ type: string; payload: { whole: boolean; refundedMinor: number } }>(
      `select type, payload from orders.order_event where order_id = ? and type = 'order.cancelled'`,
      [orderId],
    );
    expect(events).toMatchObject([{ payload: { whole: true, refundedMinor: total, refundTo: 'ORIGINAL' } }]);
  });

  it('to store credit: captured money becomes the customer’s credit', async () => {
    const customerId = await customerWith({});
    const cart = pricedCart({ sku, locationId, customerId });
    const orderId = await place(cart, [card(cart.totals.totalMinor)]);
    const result = await cancelOrder(orderId, { refundTo: 'STORE_CREDIT' });
    expect(result.userErrors).toEqual([]);
    await expectLedgersSettled(orderId);
    // Captured: refunded as credit. Still authorized (before capture): voided, nothing to credit.
    const [{ captured }] = await rows<{ captured: string }>(
      `select coalesce(sum(e.amount_minor) filter (where e.kind = 'CAPTURE'), 0) as captured from orders.payment_event e
         join orders.payment p on p.id = e.payment_id where p.order_id = ?`,
      [orderId],
    );
    expect(await storeCredit(customerId)).toBe(Number(captured));
    const guestOrder = await place(pricedCart({ sku, locationId }), [card(11_900)]);
    expect((await cancelOrder(guestOrder, { refundTo: 'STORE_CREDIT' })).userErrors).toMatchObject([{ code: 'CUSTOMER_REQUIRED' }]);
  });

  it('replays a key, refuses it for other input, and two concurrent cancels make one', async () => {
    const orderId = await place(pricedCart({ sku, locationId }), [card(11_900)]);
    const key = randomUUID();
    const [first, second] = await Promise.all([cancelOrder(orderId, { key }), cancelOrder(orderId, { key })]);
    expect(first.userErrors).toEqual([]);
    expect(second).toEqual(first);
    expect(await cancelOrder(orderId, { key })).toEqual(first);
    expect((await cancelOrder(orderId, { key, reason: 'Another reason' })).userErrors).toMatchObject([
      { code: 'IDEMPOTENCY_KEY_MISMATCH' },
    ]);
    expect((await cancelOrder(orderId)).userErrors).toMatchObject([{ code: 'ALREADY_CANCELLED' }]);

    const other = await place(pricedCart({ sku, locationId }), [card(11_900)]);
    const racing = await Promise.all([cancelOrder(other), cancelOrder(other), cancelOrder(other)]);
    expect(racing.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(racing.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual(['ALREADY_CANCELLED', 'ALREADY_CANCELLED']);
    const cancellations = await rows(`select id from orders.cancellation where order_id = any(?)`, [[orderId, other]]);
    expect(cancellations).toHaveLength(2);
    await expectLedgersSettled(other);
  });

  it('one key sent at once for two orders cancels one and answers the other IDEMPOTENCY_KEY_MISMATCH, never an internal error', async () => {
    const orders = [
      await place(pricedCart({ sku, locationId }), [card(11_900)]),
      await place(pricedCart({ sku, locationId }), [card(11_900)]),
    ];
    const key = randomUUID();
    const settled = await Promise.allSettled(orders.map((orderId) => cancelOrder(orderId, { key })));
    const codes = settled.map((r) => (r.status === 'fulfilled' ? (r.value.userErrors[0]?.code ?? 'OK') : `THROWN: ${String(r.reason)}`));
    expect(codes.sort()).toEqual(['IDEMPOTENCY_KEY_MISMATCH', 'OK']);
    const cancelled = await rows(`select id from orders."order" where id = any(?) and status = 'CANCELLED'`, [orders]);
    expect(cancelled).toHaveLength(1);
  });

  it('a customer cancels their own order until the shop prepares it; never another’s', async () => {
    const customerId = randomUUID();
    const asCustomer = await bearer(Role.CUSTOMER, { subject: customerId });
    const orderId = await place(pricedCart({ sku, locationId, customerId }), [card(11_900)]);
    expect((await cancelOrder(orderId, { as: await bearer(Role.CUSTOMER) })).userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect((await cancelOrder('not-an-order')).userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['orderId'] }]);
    expect((await cancelOrder(orderId, { reason: '  ' })).userErrors).toMatchObject([{ code: 'BLANK', field: ['reason'] }]);
    const prepared = await place(pricedCart({ sku, locationId, customerId }), [card(11_900)]);
    await rows(`update orders.fulfillment_order set status = 'READY_FOR_PICKUP' where order_id = ?`, [prepared]);
    expect((await cancelOrder(prepared, { as: asCustomer })).userErrors).toMatchObject([{ code: 'ALREADY_PREPARED' }]);
    const own = await cancelOrder(orderId, { as: asCustomer });
    expect(own.userErrors).toEqual([]);
    expect(own.order?.status).toBe('CANCELLED');
  });
});

describe('points an order earned', () => {
  it('are taken back by promotions when it is cancelled, in the share refunded', async () => {
    const customerId = randomUUID();
    const cart = pricedCart({ sku, locationId, quantity: 2, customerId });
    const orderId = await place(cart, [card(cart.totals.totalMinor)]);
    const [{ number }] = await rows<{ number: string }>(`select number from orders."order" where id = ?`, [orderId]);
    const entries = async () =>
      promotionsRows<{ kind: string; points: number; reference: string }>(
        `select e.kind, e.points, e.reference from promotions.loyalty_entry e join promotions.loyalty_account a on a.id = e.account_id
          where a.customer_id = ? order by e.created_at`,
        [customerId],
      );
    const until = async (count: number) => {
      for (let i = 0; i < 100 && (await entries()).length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await until(1);
    const [earned] = await entries();
    expect(earned).toMatchObject({ kind: 'EARN', reference: `order:${number}` });
    const [lineId] = await lineIds(orderId);
    expect((await cancelLines(orderId, [{ orderLineId: lineId, quantity: 1 }])).userErrors).toEqual([]);
    await until(2);
    expect((await cancelOrder(orderId)).userErrors).toEqual([]);
    await until(3);
    const [, half, rest] = await entries();
    expect(half).toMatchObject({ kind: 'ADJUST', points: -Math.floor(earned.points / 2), reference: `order-cancelled:${number}` });
    expect(half.points + rest.points).toBe(-earned.points);
  });
});

describe('a step left undone', () => {
  it('is finished by the sweeper once the service answers again, and the answer stood all along', async () => {
    const code = await createGiftCard(system, '119');
    const orderId = await place(pricedCart({ sku, locationId }), [{ method: 'GIFT_CARD', amountMinor: 11_900, code }]);
    const logger = createLogger('cancellation-test', 'silent');
    const down = new InternalClient({
      subgraph: 'promotions',
      url: 'http://127.0.0.1:9/graphql',
      credentials: new ServiceCredentials('orders', new TextEncoder().encode('unused-secret-0123456789abcdef0123'), 'unused'),
      logger,
    });
    const answer = await cancel(
      { ...system.deps({ leaseMs: 300 }), promotions: down },
      {
        orderId,
        lines: null,
        reason: 'Duplicate order',
        refundTo: 'ORIGINAL',
        scope: 'staff:test',
        idempotencyKey: randomUUID(),
        caller: { kind: 'staff' },
      },
    );
    expect(answer).toMatchObject({ ok: true, refundTotalMinor: 11_900 });
    const state = async () =>
      (
        await rows<{ state: string; steps: Record<string, unknown> }>(`select state, steps from orders.cancellation where order_id = ?`, [
          orderId,
        ])
      )[0];
    expect((await state()).state).toBe('RUNNING');
    expect(Object.keys((await state()).steps)).toEqual(['stock']);
    expect(await giftCardBalance(system, code)).toBe('0.00');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await sweepCancellations(system.deps({ leaseMs: 300 }))).toBe(1);
    expect((await state()).state).toBe('COMPLETED');
    expect(await giftCardBalance(system, code)).toBe('119.00');
    await expectLedgersSettled(orderId);
    expect(await heldFor(orderId)).toBe(0);
  });
});

describe('cancelling lines', () => {
  /** ORDERS.md: 150.00 and 60.00 with 20% off the order, 168.00 paid. */
  function discountedCart(discountId: string): PricedCart {
    const line = (lineSku: string, unit: number): PricedCartLine => {
      const discount = unit / 5;
      const total = unit - discount;
      const tax = Math.round((total * 1900) / 11_900);
      return {
        sku: lineSku,
        productId: null,
        variantId: null,
        productTitle: lineSku,
        variantTitle: null,
        quantity: 1,
        unitPriceMinor: unit,
        subtotalMinor: unit,
        discountMinor: discount,
        taxMinor: tax,
        totalMinor: total,
        allocations: [{ discountId, title: '20% off', code: null, amountMinor: discount }],
        taxLines: [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: tax }],
      };
    };
    const lines = [line(sku, 15_000), line(otherSku, 6_000)];
    const tax = lines.reduce((sum, l) => sum + l.taxMinor, 0);
    const base = pricedCart({ sku, locationId });
    return {
      ...base,
      lines,
      discountApplications: [{ discountId, title: '20% off', code: null, amountMinor: 4_200 }],
      totals: {
        ...base.totals,
        subtotalMinor: 21_000,
        discountTotalMinor: 4_200,
        taxTotalMinor: tax,
        totalMinor: 16_800,
        taxLines: [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: tax }],
      },
    };
  }

  it('refunds the exact share of a line (60.00 of 150.00 + 60.00 at 20% off: 48.00), then the rest with the order', async () => {
    const created = await adminCall(
      system,
      'promotions',
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id } userErrors { message } } }`,
      { input: { kind: 'PERCENTAGE', value: '20', title: `20% off ${randomUUID()}` } },
    );
    const discountId = dbId(created.discountCreate.discount.id as string);
    const before = await heldStock(system);
    const orderId = await place(discountedCart(discountId), [card(16_800)]);
    const [, sixty] = await lineIds(orderId);
    const line = await cancelLines(orderId, [{ orderLineId: sixty, quantity: 1 }]);
    expect(line.userErrors).toEqual([]);
    expect(line.refundTotal).toEqual({ amount: '48.00' });
    expect(line.order).toEqual({ status: 'OPEN', financialStatus: 'PARTIALLY_REFUNDED' });
    await expectLedgersSettled(orderId, 12_000);
    expect(await heldFor(orderId)).toBe(1);
    expect((await cancelLines(orderId, [{ orderLineId: sixty, quantity: 1 }])).userErrors).toMatchObject([{ code: 'ALREADY_CANCELLED' }]);
    const [{ quantity_cancelled }] = await rows<{ quantity_cancelled: number }>(
      `select quantity_cancelled from orders.order_line where id = ?`,
      [sixty],
    );
    expect(quantity_cancelled).toBe(1);

    const rest = await cancelOrder(orderId);
    expect(rest.refundTotal).toEqual({ amount: '120.00' });
    expect(rest.order).toEqual({ status: 'CANCELLED', financialStatus: 'REFUNDED' });
    await expectLedgersSettled(orderId);
    await expectNothingHeld(before, orderId);
    const [discount] = await promotionsRows<{ usage_count: number }>(`select usage_count from promotions.discount where id = ?`, [
      discountId,
    ]);
    expect(discount.usage_count).toBe(0);
  });

  it('refuses units that left, with a code that points to returns, and changes nothing', async () => {
    const orderId = await place(pricedCart({ sku, locationId, quantity: 2 }), [card(23_800)]);
    const [lineId] = await lineIds(orderId);
    // One unit was handed over (as a fulfilment records it).
    await rows(
      `update orders.fulfillment_order set lines = jsonb_set(lines, '{0,fulfilled}', '1'::jsonb), status = 'IN_PROGRESS' where order_id = ?`,
      [orderId],
    );
    await rows(`update orders.order_line set quantity_fulfilled = 1 where id = ?`, [lineId]);
    const whole = await cancelOrder(orderId);
    expect(whole.userErrors).toMatchObject([{ code: 'ALREADY_FULFILLED', message: expect.stringMatching(/return/) }]);
    expect((await cancelLines(orderId, [{ orderLineId: lineId, quantity: 2 }])).userErrors).toMatchObject([
      { code: 'ALREADY_FULFILLED', field: ['lines', '0', 'quantity'] },
    ]);
    expect((await cancelLines(orderId, [{ orderLineId: randomUUID(), quantity: 1 }])).userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect((await cancelLines(orderId, [{ orderLineId: lineId, quantity: 0 }])).userErrors).toMatchObject([
      { code: 'GREATER_THAN_OR_EQUAL_TO' },
    ]);
    expect(await rows(`select id from orders.cancellation where order_id = ?`, [orderId])).toEqual([]);
    // The unit still in the store can go.
    const open = await cancelLines(orderId, [{ orderLineId: lineId, quantity: 1 }]);
    expect(open.userErrors).toEqual([]);
    expect(open.refundTotal).toEqual({ amount: '119.00' });
    const [fo] = await rows<{ status: string; lines: { fulfilled: number; removed: number }[] }>(
      `select status, lines from orders.fulfillment_order where order_id = ?`,
      [orderId],
    );
    expect(fo).toMatchObject({ status: 'CLOSED', lines: [{ fulfilled: 1, removed: 1 }] });
  });
});

describe('pickups never collected', () => {
  it('are cancelled and refunded once past their deadline, with two sweepers racing', async () => {
    const before = await heldStock(system);
    const customerId = randomUUID();
    const orderId = await place(pricedCart({ sku, locationId, quantity: 2, customerId }), [card(23_800)]);
    const waiting = await place(pricedCart({ sku, locationId, customerId }), [card(11_900)]);
    await rows(`update orders.fulfillment_order set status = 'READY_FOR_PICKUP' where order_id = any(?)`, [[orderId, waiting]]);
    await rows(
      `update orders."order" set ready_for_pickup_at = now() - interval '8 days', pickup_deadline = now() - interval '1 day' where id = ?`,
      [orderId],
    );
    await rows(`update orders."order" set ready_for_pickup_at = now(), pickup_deadline = now() + interval '7 days' where id = ?`, [
      waiting,
    ]);

    const swept = await Promise.all([sweepExpiredPickups(system.deps()), sweepExpiredPickups(system.deps())]);
    expect(swept[0] + swept[1]).toBe(1);
    expect(await sweepExpiredPickups(system.deps())).toBe(0);
    const events = await rows<{ payload: { reason: string; whole: boolean; refundedMinor: number } }>(
      `select payload from orders.order_event where order_id = ? and type = 'order.cancelled'`,
      [orderId],
    );
    expect(events).toMatchObject([{ payload: { reason: 'pickup expired', whole: true, refundedMinor: 23_800 } }]);
    const [order] = await rows<{ status: string }>(`select status from orders."order" where id = ?`, [orderId]);
    expect(order.status).toBe('CANCELLED');
    await expectLedgersSettled(orderId);
    const [still] = await rows<{ status: string }>(`select status from orders."order" where id = ?`, [waiting]);
    expect(still.status).toBe('OPEN');
    expect(await heldFor(orderId)).toBe(0);
    expect(await heldFor(waiting)).toBe(1);
    expect(await heldStock(system)).toEqual(before);
  });
});
