import { Role } from '#platform/auth';
import { sql, withAdminClient } from '#platform/db';
import { foldSalesRollup } from '../../subgraphs/orders/src/reports';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { measure, printResults } from './measure';

/**
 * Reports over a sales ledger of BENCH_LEDGER_ROWS rows (default 1,000,000) spread over the last
 * year across channels, the demo stores and products, one in twenty a cancellation, and pair
 * counts between every two demo products, folded into the daily rollup (the fold timed, as the
 * first fold after the ledger gained transaction ids takes every row at once): salesReport by
 * channel and day over the year, bestSellers over the last month and frequentlyBoughtTogether,
 * one caller at a time through the gateway. Target: each under 100 ms p50.
 */
export async function reportsBench(databaseUrl: string): Promise<void> {
  const rows = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const started = Date.now();
  const productId = await withAdminClient(databaseUrl, async (client) => {
    await client.query(
      `insert into "orders"."sales_ledger_row" (kind, order_id, channel, location_id, staff_id, product_id, sku, category_id, category_ids,
         quantity, gross_minor, discount_minor, net_minor, tax_minor, shipping_minor, currency_code, occurred_at)
       with p as (select array_agg(id::text order by id) as ids, array_agg(coalesce(category_id::text, '') order by id) as cats from "products"."product"),
            l as (select array_agg(id order by id) as ids from "inventory"."location")
       select case when g % 20 = 0 then 'CANCELLATION' else 'SALE' end,
              md5((g / 3)::text)::uuid,
              (array['WEB','APP','POS','KIOSK','MARKETPLACE'])[1 + g % 5],
              case when g % 5 in (2, 3) then l.ids[1 + g % array_length(l.ids, 1)] end,
              case when g % 5 = 2 then 'staff-' || (g % 12) end,
              p.ids[1 + (g::bigint * 7919) % array_length(p.ids, 1)],
              'SKU-' || (g % 500),
              nullif(p.cats[1 + (g::bigint * 7919) % array_length(p.ids, 1)], ''),
              array[p.cats[1 + (g::bigint * 7919) % array_length(p.ids, 1)]],
              case when g % 20 = 0 then -1 else 1 end,
              (case when g % 20 = 0 then -1 else 1 end) * (1000 + g % 9000),
              (case when g % 20 = 0 then -1 else 1 end) * (g % 500),
              (case when g % 20 = 0 then -1 else 1 end) * (1000 + g % 9000 - g % 500),
              (case when g % 20 = 0 then -1 else 1 end) * ((1000 + g % 9000 - g % 500) * 19 / 100),
              0, 'EUR', now() - (g % 525600) * interval '1 minute' - (g % 60) * interval '1 second'
       from generate_series(1, $1::int) g, p, l`,
      [rows],
    );
    await client.query(
      `insert into "orders"."product_order_count" (product_id, orders)
       select id::text, 100 + (hashtext(id::text) & 1023) from "products"."product"`,
    );
    await client.query(
      `insert into "orders"."product_pair_count" (product_id, other_product_id, orders)
       select a.id::text, b.id::text, 1 + (hashtext(a.id::text || b.id::text) & 63) from "products"."product" a, "products"."product" b where a.id <> b.id`,
    );
    await client.query('analyze "orders"."sales_ledger_row"');
    const { rows: found } = await client.query<{ id: string }>(
      `select id from "products"."product" where status = 'ACTIVE' order by id limit 1`,
    );
    return found[0].id;
  });
  console.log(`${rows} ledger rows written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const system = await startInProcessSystem({
    databaseUrl,
    jwtSecret: BENCH_JWT_SECRET,
    gatewaySecret: 'bench-gateway-secret-0123456789abcdef',
  });
  try {
    const orders = system.servers.orders.orm;
    const folding = Date.now();
    await foldSalesRollup(orders, 'Europe/Berlin');
    await sql(orders.em.fork(), 'analyze "orders"."sales_rollup", "orders"."sales_rollup_product"');
    const [sizes] = await sql<{ daily: number; product: number }>(
      orders.em.fork(),
      `select (select count(*)::int from "orders"."sales_rollup") as daily, (select count(*)::int from "orders"."sales_rollup_product") as product`,
    );
    console.log(
      `${rows} ledger rows folded in ${((Date.now() - folding) / 1000).toFixed(1)} s into ${sizes.daily} daily rows and ${sizes.product} daily product rows`,
    );
    const headers = await benchHeaders(Role.ADMIN);
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors[0].message);
    };
    const now = Date.now();
    const year = { from: new Date(now - 365 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
    const month = { from: new Date(now - 30 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
    const report = await measure('salesReport [CHANNEL, DAY], a year', 20, 1, () =>
      post(
        `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to, groupBy: [CHANNEL, DAY]) { channel period netSales { amount } orders units } }`,
        year,
      ),
    );
    const best = await measure('bestSellers by NET_SALES, a month', 20, 1, () =>
      post(`query($from: DateTime!, $to: DateTime!) { bestSellers(from: $from, to: $to, by: NET_SALES, first: 10) { units } }`, month),
    );
    const together = await measure('frequentlyBoughtTogether(first: 5)', 50, 1, () =>
      post(`query($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 5) { id } } }`, { id: productId }),
    );
    printResults(`Reports over ${rows} ledger rows, through the gateway, one caller`, [report, best, together]);
  } finally {
    await system.close();
  }
}
