import { randomUUID } from 'node:crypto';
import { toGlobalId } from '#platform/ids';
import { sql } from '#platform/db';
import {
  completeCheckout,
  FAULT_PAUSE_MS,
  PLACE_TIME_MS,
  STEP_TIME_MS,
  sweepCheckouts,
  type CheckoutAnswer,
  type CheckoutDeps,
  type PricedCart,
  type TenderInput,
} from '../src/checkout';
import { Role } from '#platform/auth';
import { Deadline } from '#platform/runtime';
import { internalCalls } from '../../../test/support/internal-calls';
import { bearer } from '../../../test/support/tokens';
import {
  adminCall,
  card,
  ordersCall,
  createGiftCard,
  DECLINE,
  giftCardBalance,
  heldDiscountUses,
  heldStock,
  pricedCart,
  startCheckoutSystem,
  stockedSku,
  TIMEOUT,
  type CheckoutSystem,
} from './checkout-fixture';

let system: CheckoutSystem;
let sku: string;
let locationId: string;

beforeAll(async () => {
  system = await startCheckoutSystem();
  ({ sku, locationId } = await stockedSku(system, 40));
}, 120_000);
afterAll(() => system?.close());

const guest = { customerId: null, isStaff: false };

function checkout(
  deps: CheckoutDeps,
  cart: PricedCart,
  tenders: TenderInput[],
  key = randomUUID(),
  deadline?: Deadline,
): Promise<CheckoutAnswer> {
  return completeCheckout(deps, {
    scope: `cart:${cart.cartId}`,
    idempotencyKey: key,
    input: { cartId: cart.cartId, email: null, tenders, expectedTotalMinor: cart.totals.totalMinor },
    caller: guest,
    price: async () => cart,
    deadline,
  });
}

const rows = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => sql<T>(system.orders.orm.em.fork(), text, params);

/** Every order's money adds up: lines + shipping − discounts = total, the tax lines sum to the tax, payments sum to the total. */
async function expectMoneyInvariants(): Promise<void> {
  const broken = await rows(
    `select o.number from orders."order" o
       left join (select order_id, sum(total_minor) t, sum(discount_minor) d, sum(subtotal_minor) s from orders.order_line group by order_id) l on l.order_id = o.id
       left join (select order_id, sum(amount_minor) p from orders.payment group by order_id) p on p.order_id = o.id
      where o.subtotal_minor <> l.s or o.discount_total_minor <> l.d
         or o.subtotal_minor - o.discount_total_minor + o.shipping_minor + (case when o.prices_include_tax then 0 else o.tax_total_minor end) <> o.total_minor
         or coalesce(p.p, 0) <> o.total_minor
         or (select coalesce(sum((tl->>'amountMinor')::bigint), 0) from jsonb_array_elements(o.tax_lines) tl) <> o.tax_total_minor`,
  );
  expect(broken).toEqual([]);
}

async function expectNothingHeld(before: Awaited<ReturnType<typeof heldStock>>): Promise<void> {
  expect(await heldStock(system)).toEqual(before);
  expect(await heldDiscountUses(system)).toBe(0);
  expect(await system.card.openAuthorizations()).toEqual([]);
}

async function waitForLease(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('checkout saga', () => {
  it('places a paid order: lines snapshot, payment ledger, numbered events, outbox, stock held for it without expiry, card captured', async () => {
    const cart = pricedCart({ sku, locationId, quantity: 2 });
    const answer = await checkout(system.deps(), cart, [card(cart.totals.totalMinor)]);
    expect(answer.ok).toBe(true);
    const orderId = (answer as { orderId: string }).orderId;
    const [order] = await rows<{ number: string; cart_id: string; total_minor: string }>(`select * from orders."order" where id = ?`, [
      orderId,
    ]);
    expect(order.number).toMatch(/^#1\d{3,}$/);
    expect(order.cart_id).toBe(cart.cartId);
    const events = await rows<{ sequence: number; type: string }>(
      `select sequence, type from orders.order_event where order_id = ? order by sequence`,
      [orderId],
    );
    expect(events).toEqual([
      { sequence: 1, type: 'order.placed' },
      { sequence: 2, type: 'order.paid' },
    ]);
    const outbox = await rows<{ topic: string }>(`select topic from orders.outbox_event where key = ? order by id`, [orderId]);
    expect(outbox.map((e) => e.topic)).toEqual(['order.placed', 'order.paid']);
    const ledger = await rows<{ kind: string; amount_minor: string }>(
      `select e.kind, e.amount_minor from orders.payment_event e join orders.payment p on p.id = e.payment_id where p.order_id = ? order by e.id`,
      [orderId],
    );
    expect(ledger.map((e) => [e.kind, Number(e.amount_minor)])).toEqual([
      ['AUTHORIZE', cart.totals.totalMinor],
      ['CAPTURE', cart.totals.totalMinor],
    ]);
    const [checkoutRow] = await rows<{ state: string; steps: Record<string, { done?: boolean }> }>(
      `select state, steps from orders.checkout where order_id = ?`,
      [orderId],
    );
    expect(checkoutRow.state).toBe('COMPLETED');
    // Every step's result is in the row, those written with the next step's start or the move to COMPLETED too.
    expect(Object.keys(checkoutRow.steps).sort()).toEqual([
      'capture',
      'checkout',
      'commit-discounts',
      'confirm-stock',
      'discounts',
      'stock',
      'tender:0',
      'transfers',
    ]);
    expect(Object.values(checkoutRow.steps).every((step) => step.done)).toBe(true);
    const [hold] = await sql<{ status: string }>(
      system.subgraphs.servers.inventory.orm.em.fork(),
      `select r.status from inventory.reservation r join orders.checkout c on r.reference = 'checkout:' || c.id where c.order_id = ?`,
      [orderId],
    );
    // Held for the order until it is fulfilled, moved or cancelled: it no longer expires.
    expect(hold.status).toBe('CONFIRMED');
    await expectMoneyInvariants();
  });

  it("holds a pickup cart's stock at its store without reading the stock figures first", async () => {
    const cart = pricedCart({ sku, locationId });
    const asked = await internalCalls(['InventoryReserve', 'StockAvailability'], async () => {
      expect((await checkout(system.deps(), cart, [card(cart.totals.totalMinor)])).ok).toBe(true);
    });
    expect(asked).toEqual({ InventoryReserve: 1 });
  });

  it('replays a key, refuses it for other input, and answers a second key on the same cart with the same order', async () => {
    const cart = pricedCart({ sku, locationId });
    const key = randomUUID();
    const first = await checkout(system.deps(), cart, [card(cart.totals.totalMinor)], key);
    expect(await checkout(system.deps(), cart, [card(cart.totals.totalMinor)], key)).toEqual(first);
    const other = await checkout(system.deps(), cart, [card(cart.totals.totalMinor, TIMEOUT)], key);
    expect(other).toMatchObject({ ok: false, userErrors: [{ code: 'IDEMPOTENCY_KEY_MISMATCH' }] });
    expect(await checkout(system.deps(), cart, [card(cart.totals.totalMinor)])).toEqual(first);
  });

  it('two tabs completing one cart at once get one order', async () => {
    const cart = pricedCart({ sku, locationId });
    const answers = await Promise.all([1, 2, 3].map(() => checkout(system.deps(), cart, [card(cart.totals.totalMinor)])));
    const ids = new Set(answers.map((a) => (a.ok ? a.orderId : JSON.stringify(a.userErrors))));
    expect(ids.size).toBe(1);
    expect(answers[0].ok).toBe(true);
    const [count] = await rows<{ n: string }>(`select count(*) as n from orders."order" where cart_id = ?`, [cart.cartId]);
    expect(Number(count.n)).toBe(1);
  });

  it('splits a gift card and the card: stored value first, the card for the rest', async () => {
    const code = await createGiftCard(system, '50');
    const cart = pricedCart({ sku, locationId, unitPriceMinor: 11_900 });
    const answer = await checkout(system.deps(), cart, [card(6_900), { method: 'GIFT_CARD', amountMinor: 5_000, code }]);
    expect(answer.ok).toBe(true);
    expect(await giftCardBalance(system, code)).toBe('0.00');
    const payments = await rows<{ method: string; amount_minor: string }>(
      `select method, amount_minor from orders.payment where order_id = ? order by method`,
      [(answer as { orderId: string }).orderId],
    );
    expect(payments.map((p) => [p.method, Number(p.amount_minor)])).toEqual([
      ['GIFT_CARD', 5_000],
      ['TEST_CARD', 6_900],
    ]);
    await expectMoneyInvariants();
  });

  it('pays part with loyalty points at the programme rate, and gives them back when a later step fails', async () => {
    const customerId = randomUUID();
    const granted = await adminCall(
      system,
      'promotions',
      `mutation($input: LoyaltyPointsAdjustInput!, $key: String) { loyaltyPointsAdjust(input: $input, idempotencyKey: $key) { userErrors { code } } }`,
      { input: { customerId, points: 3_000, reason: 'Welcome' }, key: `welcome-${customerId}` },
    );
    expect(granted.loyaltyPointsAdjust.userErrors).toEqual([]);
    const asCustomer = (tenders: TenderInput[], deps = system.deps(), id: string | null = customerId) => {
      const cart = pricedCart({ sku, locationId, customerId: id });
      return completeCheckout(deps, {
        scope: `customer:${id}`,
        idempotencyKey: randomUUID(),
        input: { cartId: cart.cartId, email: null, tenders, expectedTotalMinor: cart.totals.totalMinor },
        caller: { customerId: id, isStaff: false },
        price: () => Promise.resolve(cart),
      });
    };
    // One point pays one cent in the demo programme.
    const paid = await asCustomer([card(9_400), { method: 'LOYALTY_POINTS', amountMinor: 2_500 }]);
    expect(paid.ok).toBe(true);
    const points = async () =>
      (
        await sql<{ kind: string; points: number }>(
          system.subgraphs.servers.promotions.orm.em.fork(),
          `select e.kind, e.points from promotions.loyalty_entry e join promotions.loyalty_account a on a.id = e.account_id
            where a.customer_id = ? and e.kind <> 'EARN' order by e.created_at, e.balance_after desc`,
          [customerId],
        )
      ).map((e) => [e.kind, e.points]);
    expect(await points()).toEqual([
      ['ADJUST', 3_000],
      ['REDEEM', -2_500],
    ]);
    const before = await heldStock(system);
    const failed = await asCustomer([card(11_500), { method: 'LOYALTY_POINTS', amountMinor: 400 }], system.deps({ faults: ['card'] }));
    expect(failed.ok).toBe(false);
    expect((await points()).slice(2)).toEqual([
      ['REDEEM', -400],
      ['ADJUST', 400],
    ]);
    await expectNothingHeld(before);
    const tooMany = await asCustomer([card(8_900), { method: 'LOYALTY_POINTS', amountMinor: 3_000 }]);
    expect(tooMany).toMatchObject({ ok: false, userErrors: [{ code: 'INSUFFICIENT_BALANCE' }] });
    const guestPays = await asCustomer([card(9_400), { method: 'LOYALTY_POINTS', amountMinor: 2_500 }], system.deps(), null);
    expect(guestPays).toMatchObject({ ok: false, userErrors: [{ code: 'CUSTOMER_REQUIRED' }] });
    await expectMoneyInvariants();
  });

  it('a declined card leaves nothing held or debited', async () => {
    const code = await createGiftCard(system, '20');
    const before = await heldStock(system);
    const cart = pricedCart({ sku, locationId });
    const answer = await checkout(system.deps(), cart, [{ method: 'GIFT_CARD', amountMinor: 2_000, code }, card(9_900, DECLINE)]);
    expect(answer).toMatchObject({ ok: false, userErrors: [{ code: 'PAYMENT_DECLINED' }] });
    await expectNothingHeld(before);
    expect(await giftCardBalance(system, code)).toBe('20.00');
  });

  it('payments that do not add up and a guest without email are refused before anything is held', async () => {
    const cart = { ...pricedCart({ sku, locationId }), email: null };
    const answer = await checkout(system.deps(), cart, [card(100)]);
    expect(answer.ok).toBe(false);
    expect((answer as { userErrors: { code: string }[] }).userErrors.map((e) => e.code).sort()).toEqual([
      'EMAIL_REQUIRED',
      'PAYMENT_MISMATCH',
    ]);
  });

  it.each(['checkout', 'stock', 'discounts', 'stored-value', 'card'])(
    'a failure after %s is compensated: nothing held, debited or authorized',
    async (step) => {
      const code = await createGiftCard(system, '30');
      const before = await heldStock(system);
      const cart = pricedCart({ sku, locationId });
      const answer = await checkout(system.deps({ faults: [step] }), cart, [
        { method: 'GIFT_CARD', amountMinor: 3_000, code },
        card(8_900),
      ]);
      expect(answer).toMatchObject({ ok: false, userErrors: [{ code: 'CHECKOUT_FAILED' }] });
      await expectNothingHeld(before);
      expect(await giftCardBalance(system, code)).toBe('30.00');
      // The cart is free again: a new attempt places the order.
      expect((await checkout(system.deps(), cart, [{ method: 'GIFT_CARD', amountMinor: 3_000, code }, card(8_900)])).ok).toBe(true);
    },
  );

  // A step slowed by load (the `pause` fault waits FAULT_PAUSE_MS) leaves the caller's deadline too close for what comes next.
  it.each([
    ['the next step', 'stock', STEP_TIME_MS],
    ['placing the order', 'card', PLACE_TIME_MS],
  ])('a checkout left too little time for %s is undone before any order, and its key replays the failure', async (_, step, needs) => {
    const code = await createGiftCard(system, '30');
    const before = await heldStock(system);
    const cart = pricedCart({ sku, locationId });
    const tenders = [{ method: 'GIFT_CARD' as const, amountMinor: 3_000, code }, card(8_900)];
    const key = randomUUID();
    // Time enough to start every step, and less than `needs` once the pause is over.
    const deadline = new Deadline(FAULT_PAUSE_MS + needs - 300);
    const answer = await checkout(system.deps({ faults: [`pause:${step}`] }), cart, tenders, key, deadline);
    expect(answer).toMatchObject({ ok: false, userErrors: [{ code: 'CHECKOUT_FAILED', message: expect.stringMatching(/in time/) }] });
    await expectNothingHeld(before);
    expect(await giftCardBalance(system, code)).toBe('30.00');
    const [row] = await rows<{ state: string; order_id: string | null }>(`select state, order_id from orders.checkout where cart_id = ?`, [
      cart.cartId,
    ]);
    expect(row).toEqual({ state: 'FAILED', order_id: null });
    expect(await checkout(system.deps(), cart, tenders, key)).toEqual(answer);
    expect((await checkout(system.deps(), cart, tenders)).ok).toBe(true);
  });

  it('an order placed with little time left is answered at once, and its capture and commits follow', async () => {
    const before = await heldStock(system);
    const cart = pricedCart({ sku, locationId });
    // After the pause: more than PLACE_TIME_MS left, less than SETTLE_TIME_MS.
    const deadline = new Deadline(FAULT_PAUSE_MS + PLACE_TIME_MS + 1_200);
    // The capture pauses too, so the answer can only have come before the checkout completed.
    const answer = await checkout(
      system.deps({ faults: ['pause:card', 'pause:capture'] }),
      cart,
      [card(cart.totals.totalMinor)],
      randomUUID(),
      deadline,
    );
    expect(answer.ok).toBe(true);
    const [placed] = await rows<{ state: string }>(`select state from orders.checkout where cart_id = ?`, [cart.cartId]);
    expect(placed.state).toBe('PLACED');
    for (let i = 0; i < 100; i += 1) {
      const [row] = await rows<{ state: string }>(`select state from orders.checkout where cart_id = ?`, [cart.cartId]);
      if (row.state === 'COMPLETED') break;
      await waitForLease(50);
    }
    const [row] = await rows<{ state: string }>(`select state from orders.checkout where cart_id = ?`, [cart.cartId]);
    expect(row.state).toBe('COMPLETED');
    await expectNothingHeld(before);
    await expectMoneyInvariants();
  });

  it.each(['place', 'confirm-stock', 'commit-discounts', 'capture'])(
    'a failure after %s never undoes the order: the sweeper finishes it',
    async (step) => {
      const before = await heldStock(system);
      const cart = pricedCart({ sku, locationId });
      const answer = await checkout(system.deps({ faults: [step], leaseMs: 300 }), cart, [card(cart.totals.totalMinor)]);
      expect(answer.ok).toBe(true);
      await waitForLease(400);
      await sweepCheckouts(system.deps({ leaseMs: 300 }));
      const [row] = await rows<{ state: string }>(`select state from orders.checkout where cart_id = ?`, [cart.cartId]);
      expect(row.state).toBe('COMPLETED');
      await expectNothingHeld(before);
      await expectMoneyInvariants();
    },
  );

  it.each(['checkout', 'stock', 'stored-value', 'card'])('a process that dies after %s is compensated by the sweeper', async (step) => {
    const code = await createGiftCard(system, '30');
    const before = await heldStock(system);
    const cart = pricedCart({ sku, locationId });
    await expect(
      checkout(system.deps({ faults: [`crash:${step}`], leaseMs: 300 }), cart, [
        { method: 'GIFT_CARD', amountMinor: 3_000, code },
        card(8_900),
      ]),
    ).rejects.toThrow(/crash injected/);
    await waitForLease(400);
    expect(await sweepCheckouts(system.deps({ leaseMs: 300 }))).toBeGreaterThanOrEqual(1);
    const [row] = await rows<{ state: string }>(`select state from orders.checkout where cart_id = ?`, [cart.cartId]);
    expect(row.state).toBe('FAILED');
    await expectNothingHeld(before);
    expect(await giftCardBalance(system, code)).toBe('30.00');
  });

  it('a process that dies after placing the order is finished by the sweeper', async () => {
    const before = await heldStock(system);
    const cart = pricedCart({ sku, locationId });
    await expect(checkout(system.deps({ faults: ['crash:place'], leaseMs: 300 }), cart, [card(cart.totals.totalMinor)])).rejects.toThrow();
    await waitForLease(400);
    await sweepCheckouts(system.deps({ leaseMs: 300 }));
    const [row] = await rows<{ state: string; order_id: string }>(`select state, order_id from orders.checkout where cart_id = ?`, [
      cart.cartId,
    ]);
    expect(row.state).toBe('COMPLETED');
    await expectNothingHeld(before);
    await expectMoneyInvariants();
  });

  it('shows an order with its lines, totals, payments and derived statuses only to whom it belongs', async () => {
    const customerId = randomUUID();
    const cart = pricedCart({ sku, locationId, quantity: 2, customerId });
    const answer = await completeCheckout(system.deps(), {
      scope: `customer:${customerId}`,
      idempotencyKey: randomUUID(),
      input: { cartId: cart.cartId, email: null, tenders: [card(cart.totals.totalMinor)], expectedTotalMinor: null },
      caller: { customerId, isStaff: false },
      price: async () => cart,
    });
    const orderId = (answer as { orderId: string }).orderId;
    const ORDER = `query($id: ID!) { order(id: $id) { number email financialStatus fulfillmentStatus status fulfillmentMethod
      totals { subtotal { amount } total { amount } taxTotal { amount } }
      lines { sku quantity unitPrice { amount } total { amount } taxLines { title amount { amount } } }
      payments { method amount { amount } captured { amount } status events { kind status } }
      events { sequence type } } }`;
    const own = await ordersCall(system, ORDER, { id: orderId }, await bearer(Role.CUSTOMER, { subject: customerId }));
    expect(own.order).toMatchObject({
      financialStatus: 'PAID',
      fulfillmentStatus: 'UNFULFILLED',
      status: 'OPEN',
      fulfillmentMethod: 'PICKUP',
      totals: { subtotal: { amount: '238.00' }, total: { amount: '238.00' }, taxTotal: { amount: '38.00' } },
      lines: [{ sku, quantity: 2, unitPrice: { amount: '119.00' } }],
      payments: [
        { method: 'TEST_CARD', captured: { amount: '238.00' }, status: 'CAPTURED', events: [{ kind: 'AUTHORIZE' }, { kind: 'CAPTURE' }] },
      ],
      events: [
        { sequence: 1, type: 'order.placed' },
        { sequence: 2, type: 'order.paid' },
      ],
    });
    expect((await ordersCall(system, ORDER, { id: orderId }, await bearer(Role.CUSTOMER))).order).toBeNull();
    expect((await ordersCall(system, ORDER, { id: orderId }, { authorization: '' })).order).toBeNull();
    const entities = await ordersCall(
      system,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { number } } }`,
      { r: [{ __typename: 'Order', id: orderId }] },
      await bearer(Role.CUSTOMER),
    );
    expect(entities._entities).toEqual([null]);
    const staff = await ordersCall(
      system,
      `query($q: String) { orders(query: $q, first: 5) { nodes { id number } } }`,
      { q: (own.order as { number: string }).number },
      await bearer(Role.STAFF),
    );
    expect(staff.orders).toEqual({ nodes: [{ id: toGlobalId('Order', orderId), number: (own.order as { number: string }).number }] });
  });

  it('the customers subgraph records the order on the timeline and sums it; promotions earns points when it is paid', async () => {
    const [customer] = await rows<{ id: string }>(`select id from customers.customer where erased_at is null order by created_at limit 1`);
    const points = async () =>
      Number(
        (
          await rows<{ points: string }>(
            `select coalesce(sum(points), 0) as points from promotions.loyalty_account where customer_id = ?`,
            [customer.id],
          )
        )[0].points,
      );
    const pointsBefore = await points();
    const cart = pricedCart({ sku, locationId, customerId: customer.id });
    const answer = await completeCheckout(system.deps(), {
      scope: `customer:${customer.id}`,
      idempotencyKey: randomUUID(),
      input: { cartId: cart.cartId, email: null, tenders: [card(cart.totals.totalMinor)], expectedTotalMinor: null },
      caller: { customerId: customer.id, isStaff: false },
      price: async () => cart,
    });
    const orderId = (answer as { orderId: string }).orderId;
    const recorded = async () =>
      (await rows(`select 1 from customers.customer_order where order_id = ?`, [orderId])).length > 0 &&
      (
        await rows(`select 1 from customers.customer_event where customer_id = ? and type = 'ORDER_PLACED' and data->>'orderId' = ?`, [
          customer.id,
          orderId,
        ])
      ).length > 0 &&
      (await points()) > pointsBefore;
    for (let i = 0; i < 200 && !(await recorded()); i += 1) await waitForLease(100);
    expect(await recorded()).toBe(true);
  });
});
