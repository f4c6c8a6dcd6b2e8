import { sql, type Orm } from '#platform/db';
import { seedOrderHistory } from '../../scripts/lib/seed-history';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { createTestDatabase, openTestOrm, type TestDatabase } from '../support/database';

/**
 * The generated order history (`npm run seed -- --orders N`, and the demo shop's first start):
 * orders on every channel whose money adds up as any order's does, a sales ledger that sums to
 * what was paid less what was refunded, returns counted at the store that took them back after
 * the sale, pair counts for recommendations, and outbox events for the other subgraphs.
 */
let db: TestDatabase;
let orm: Orm;
let history: Awaited<ReturnType<typeof seedOrderHistory>>;

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  history = await seedOrderHistory(db.url, 'EUR', 150, { seed: 7 });
  orm = await openTestOrm(db, ordersSubgraph);
}, 120_000);
afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

const one = async <T>(query: string): Promise<T> => (await sql<T>(orm.em.fork(), query))[0];

it('writes orders on every channel, for known shoppers and guests, priced and paid to the cent', async () => {
  expect(history).toMatchObject({ orders: 150 });
  expect(history!.returns).toBeGreaterThan(0);
  const channels = await sql<{ channel: string }>(orm.em.fork(), `select distinct channel from orders."order" order by channel`);
  expect(channels.map((c) => c.channel)).toEqual(['APP', 'KIOSK', 'MARKETPLACE', 'POS', 'WEB']);
  const mix = await one<{ known: string; guests: string; staffed: string; tills: string }>(
    `select count(*) filter (where customer_id is not null) as known, count(*) filter (where customer_id is null) as guests,
            count(*) filter (where staff_id is not null) as staffed, count(*) filter (where channel = 'POS') as tills from orders."order"`,
  );
  expect(Number(mix.known)).toBeGreaterThan(0);
  expect(Number(mix.guests)).toBeGreaterThan(0);
  expect(Number(mix.staffed)).toBeGreaterThan(0);
  // Lines + shipping − shipping discount = total for every order, and each order is paid exactly its total.
  const unbalanced = await one<{ n: string }>(
    `select count(*) as n from orders."order" o
      where o.total_minor <> (select sum(l.total_minor) from orders.order_line l where l.order_id = o.id) + o.shipping_minor - o.shipping_discount_minor
         or o.total_minor <> (select sum(p.amount_minor) from orders.payment p where p.order_id = o.id)`,
  );
  expect(Number(unbalanced.n)).toBe(0);
  const span = await one<{ first: Date; last: Date }>(`select min(processed_at) as first, max(processed_at) as last from orders."order"`);
  expect(new Date(span.last).getTime()).toBeLessThan(Date.now() - 86_400_000);
  expect(new Date(span.first).getTime()).toBeLessThan(new Date(span.last).getTime());
});

it('puts every sale on the ledger, and every return at its store after the sale, so the ledger sums to what was kept', async () => {
  const ledger = await one<{ paid: string; kept: string; returned: string; late: string }>(
    `select (select sum(total_minor) from orders."order") as paid,
            sum(net_minor + tax_minor + shipping_minor) as kept,
            -sum(net_minor + tax_minor) filter (where kind = 'RETURN') as returned,
            count(*) filter (where kind = 'RETURN' and (location_id is null or occurred_at <= (select processed_at from orders."order" o where o.id = order_id))) as late
       from orders.sales_ledger_row`,
  );
  const refunded = await one<{ sum: string }>(`select sum(amount_minor) as sum from orders.payment_event where kind = 'REFUND'`);
  expect(Number(ledger.returned)).toBe(Number(refunded.sum));
  expect(Number(ledger.kept)).toBe(Number(ledger.paid) - Number(refunded.sum));
  expect(Number(ledger.late)).toBe(0);
  const returns = await one<{ n: string }>(`select count(*) as n from orders.order_return where status = 'RECEIVED'`);
  expect(Number(returns.n)).toBe(history!.returns);
});

it('counts products bought together for recommendations, and tells the other subgraphs through the outbox', async () => {
  const pairs = await one<{ n: string }>(`select count(*) as n from orders.product_pair_count where orders >= 2`);
  expect(Number(pairs.n)).toBeGreaterThan(0);
  const events = await sql<{ topic: string; n: string }>(
    orm.em.fork(),
    `select topic, count(*) as n from orders.outbox_event group by topic order by topic`,
  );
  const byTopic = Object.fromEntries(events.map((e) => [e.topic, Number(e.n)]));
  expect(byTopic).toMatchObject({ 'order.placed': 150, 'order.paid': 150, 'order.fulfilled': 150 });
  expect(byTopic['refund.created']).toBe(history!.returns);
});
