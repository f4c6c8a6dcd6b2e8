import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { gql, gqlData } from '../support/graphql-client';
import { createStockedProduct, locationsByName, PAYLOAD } from '../support/carts';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * Crowds at checkout, through the gateway: buyers racing for scarce stock, a code with few uses
 * left, one gift card spent from two carts at once. Whoever wins, the ledgers still sum and
 * nothing stays held, debited or authorized for a checkout that did not become an order.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let berlin: string;

beforeAll(async () => {
  // The races are about stock, uses and balances, not time: deadlines long enough that a crowd on a
  // busy two-core machine is never cut short (a checkout that runs short of its deadline is undone
  // and answered CHECKOUT_FAILED, which would hide the answer under test).
  system = await startSupergraph({ deadlines: { gatewayMs: 60_000, subgraphMs: 50_000 } });
  admin = await bearer(Role.ADMIN);
  berlin = (await locationsByName(system))['Velocity Cycles Berlin Mitte'].id;
  await createStockedProduct(system, admin, { sku: 'RACE-TEN', price: '10.00', stock: { [berlin]: 10 } });
  await createStockedProduct(system, admin, { sku: 'RACE-CODE', price: '20.00', stock: { [berlin]: 100 } });
  await createStockedProduct(system, admin, { sku: 'RACE-GIFT', price: '40.00', stock: { [berlin]: 10 } });
}, 120_000);
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders = ANONYMOUS) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

const COMPLETE = `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
  checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) {
    order { id number discountApplications { code } totals { total { amount } } }
    userErrors { field message code } } }`;

interface Answer {
  checkoutComplete: { order: { id: string; discountApplications: { code: string | null }[] } | null; userErrors: { code: string }[] };
}

async function pickupCart(sku: string, codes: string[] = []): Promise<{ id: string; total: string }> {
  const created = await api(
    `mutation($sku: String!, $codes: [String!]) { cartCreate(input: { channel: WEB, lines: [{ sku: $sku, quantity: 1 }], discountCodes: $codes }) { ${PAYLOAD} } }`,
    { sku, codes },
  );
  expect(created.cartCreate.userErrors).toEqual([]);
  const id = created.cartCreate.cart.id as string;
  const delivered = await api(
    `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { ${PAYLOAD} } }`,
    { id, handle: `PICKUP:${berlin}` },
  );
  expect(delivered.cartDeliveryUpdate.userErrors).toEqual([]);
  return { id, total: delivered.cartDeliveryUpdate.cart.cost.total.amount as string };
}

const cardPayment = (amount: string) => ({ method: 'TEST_CARD', amount: { amount }, cardNumber: '4242424242424242' });

/**
 * One buyer's checkout, as a careful client makes it: when the answer is "not finished in time",
 * "a service is unavailable, nothing changed" (a crowd on two cores can starve one) or "still in
 * progress", it asks again under the same key, which answers the first attempt.
 */
async function complete(cartId: string, payments: unknown[]): Promise<Answer> {
  const variables = { cartId, input: { email: 'crowd@example.com', payments }, key: randomUUID() };
  for (let attempt = 1; ; attempt++) {
    const answer = await gql(system.gateway.url, COMPLETE, variables, ANONYMOUS);
    const timedOut = answer.errors?.some(
      (e) => e.extensions?.code === 'DEADLINE_EXCEEDED' || e.extensions?.code === 'SUBGRAPH_UNAVAILABLE',
    );
    const data = answer.data as Answer | undefined;
    const running = data?.checkoutComplete.userErrors.some((e) => e.code === 'CHECKOUT_IN_PROGRESS');
    if ((!timedOut && !running) || attempt === 5) {
      if (!data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
      return data;
    }
  }
}

/** Carts for a crowd, a few at a time: setting up is not the race under test. */
async function pickupCarts(count: number, sku: string, codes: string[] = []): Promise<{ id: string; total: string }[]> {
  const carts: { id: string; total: string }[] = [];
  for (let start = 0; start < count; start += 5) {
    carts.push(...(await Promise.all(Array.from({ length: Math.min(5, count - start) }, () => pickupCart(sku, codes)))));
  }
  return carts;
}

const rows = <T = Record<string, unknown>>(subgraph: string, text: string, params: unknown[] = []) =>
  sql<T>(system.servers[subgraph].orm.em.fork(), text, params);

/** Nothing held but what placed orders hold (until fulfilled), and every ledger sums to what it records. */
async function expectNothingLeftOver(): Promise<void> {
  expect(
    await rows(
      'inventory',
      `select l.sku, l.reserved from inventory.inventory_level l
         left join (select line->>'sku' sku, (line->>'locationId')::uuid location_id, sum((line->>'quantity')::int) q
                      from inventory.reservation r, jsonb_array_elements(r.lines) line where r.status = 'CONFIRMED' group by 1, 2) h
           on h.sku = l.sku and h.location_id = l.location_id
        where l.reserved <> coalesce(h.q, 0)`,
    ),
  ).toEqual([]);
  expect(await rows('inventory', `select id from inventory.reservation where status = 'PENDING'`)).toEqual([]);
  expect(
    await rows(
      'inventory',
      `select l.sku from inventory.inventory_level l
         left join (select sku, location_id, sum(quantity) q, sum(reserved_delta) r from inventory.stock_movement group by sku, location_id) m
           on m.sku = l.sku and m.location_id = l.location_id
        where l.on_hand <> coalesce(m.q, 0) or l.reserved <> coalesce(m.r, 0)`,
    ),
  ).toEqual([]);
  expect(await rows('promotions', `select id from promotions.discount_redemption where status = 'RESERVED'`)).toEqual([]);
  expect(
    await rows(
      'promotions',
      `select g.id from promotions.gift_card g left join promotions.gift_card_transaction t on t.gift_card_id = g.id
        group by g.id, g.balance having g.balance <> coalesce(sum(t.amount), 0) or g.balance < 0`,
    ),
  ).toEqual([]);
  expect(
    await rows('orders', `select reference from orders.test_card_authorization where state <> 'VOIDED' and amount_minor > captured_minor`),
  ).toEqual([]);
}

it('50 buyers race for 10 units: exactly 10 orders, 40 clean OUT_OF_STOCK, nothing left held', async () => {
  const carts = await pickupCarts(50, 'RACE-TEN');
  const answers = await Promise.all(carts.map((cart) => complete(cart.id, [cardPayment(cart.total)])));
  const won = answers.filter((a) => a.checkoutComplete.order);
  expect(won).toHaveLength(10);
  const lost = answers.filter((a) => !a.checkoutComplete.order).map((a) => a.checkoutComplete.userErrors.map((e) => e.code));
  expect(lost).toEqual(Array(40).fill(['OUT_OF_STOCK']));
  const [level] = await rows<{ on_hand: number; reserved: number }>(
    'inventory',
    `select on_hand, reserved from inventory.inventory_level where sku = 'RACE-TEN'`,
  );
  // Held for the ten orders until they are fulfilled, or already gone as sales: never more than ten.
  expect(level.on_hand - level.reserved).toBe(0);
  await expectNothingLeftOver();
});

it('a code limited to 5 uses, 30 checkouts at once: 5 orders carry it, the others are told and keep their carts', async () => {
  const created = await api(
    `mutation { discountCreate(input: { title: "Race five", code: "RACE5", kind: PERCENTAGE, value: "10", usageLimit: 5 }) { discount { id } userErrors { code message } } }`,
    {},
    admin,
  );
  expect(created.discountCreate.userErrors).toEqual([]);
  const carts = await pickupCarts(30, 'RACE-CODE', ['RACE5']);
  expect(new Set(carts.map((cart) => cart.total))).toEqual(new Set(['18.00']));
  const answers = await Promise.all(carts.map((cart) => complete(cart.id, [cardPayment(cart.total)])));
  const withCode = answers.filter((a) => a.checkoutComplete.order?.discountApplications.some((d) => d.code === 'RACE5'));
  expect(withCode).toHaveLength(5);
  // The others are told, with no order: the code's uses ran out while they held it, or their fresh
  // price no longer has it, so their payment no longer matches the total.
  const others = answers.filter((a) => !a.checkoutComplete.order);
  expect(others).toHaveLength(25);
  for (const answer of others)
    expect(['DISCOUNT_UNAVAILABLE', 'PRICE_CHANGED', 'PAYMENT_MISMATCH']).toContain(answer.checkoutComplete.userErrors[0].code);
  const loser = carts[answers.findIndex((a) => !a.checkoutComplete.order)];
  expect((await api(`query($id: ID!) { cart(id: $id) { status } }`, { id: loser.id })).cart.status).toBe('OPEN');
  const [uses] = await rows<{ n: string }>(
    'promotions',
    `select count(*) as n from promotions.discount_redemption r join promotions.discount d on d.id = r.discount_id
      where d.code = 'RACE5' and r.status = 'COMMITTED'`,
  );
  expect(Number(uses.n)).toBe(5);
  await expectNothingLeftOver();
});

it('one gift card of 50 spent from two carts at once: one order, the other refused, never more than 50 taken', async () => {
  const issued = await api(
    `mutation { giftCardCreate(input: { initialValue: { amount: "50" } }) { giftCardCode userErrors { code } } }`,
    {},
    admin,
  );
  const code = issued.giftCardCreate.giftCardCode as string;
  const carts = await Promise.all([pickupCart('RACE-GIFT'), pickupCart('RACE-GIFT')]);
  const answers = await Promise.all(
    carts.map((cart) => complete(cart.id, [{ method: 'GIFT_CARD', amount: { amount: cart.total }, giftCardCode: code }])),
  );
  expect(answers.filter((a) => a.checkoutComplete.order)).toHaveLength(1);
  const refused = answers.find((a) => !a.checkoutComplete.order)!;
  expect(['GIFT_CARD_UNUSABLE', 'INSUFFICIENT_BALANCE']).toContain(refused.checkoutComplete.userErrors[0].code);
  const [card] = await rows<{ balance: string }>('promotions', `select balance from promotions.gift_card where last_characters = ?`, [
    code.slice(-4),
  ]);
  expect(Number(card.balance)).toBe(1000);
  await expectNothingLeftOver();
});
