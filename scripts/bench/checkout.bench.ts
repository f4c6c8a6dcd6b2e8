import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { freePort } from '../lib/free-port';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { subgraphs } from '../lib/subgraphs';
import { Supervisor } from '../lib/supervisor';
import { systemProcesses, type SubgraphLayout } from '../lib/system-processes';
import { withOrm } from '../lib/with-orm';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { BENCH_JWT_SECRET, BENCH_JWT_SECRET_TEXT, benchHeaders } from './bench-auth';
import { processCpuMs } from './child-process';
import { measure, printResults, type LoadResult } from './measure';

const IDLE_SAMPLE_MS = 5_000;
/** A buyer asks checkoutComplete at most this many times. */
const CHECKOUT_TRIES = 5;
/** The answers a careful client asks again after. */
const RETRIED = new Set(['DEADLINE_EXCEEDED', 'SUBGRAPH_UNAVAILABLE', 'CHECKOUT_IN_PROGRESS', 'CHECKOUT_FAILED']);
const COMPLETE = `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
  checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { id } userErrors { code } } }`;

/**
 * Whole checkouts through the real gateway, with the gateway and the five subgraphs in processes
 * as `npm start` runs them (without the per-client throttle, which a crowd
 * from one address would spend): a guest cart with one line, PICKUP at a store, the approving
 * test card. BENCH_CHECKOUT_BUYERS concurrent buyers (default 16) complete BENCH_CHECKOUTS carts
 * (default 200) of a well-stocked SKU; then BENCH_HOT_BUYERS (default 500) race for
 * BENCH_HOT_UNITS (default 50) of one SKU. Each checkout's time includes its cart (create,
 * delivery) so the figures are a shopper's. It prints the CPU each checkout cost every process
 * (and PostgreSQL), which is where the time goes, and checks the invariants once every checkout
 * has settled: no more orders than units, no order for a buyer who was told the checkout failed
 * (or timed out), the units held equal to the orders' units, nothing
 * held for a checkout that did not end in an order, no card authorization left open, every
 * order's money adding up. BENCH_CHECKOUT_LAYOUT says how the parts run: `together` (the default,
 * as `npm start` runs them: the gateway in one process, the five subgraphs in another), `apart`
 * (each in a process of its own, as the production image runs them) or `one-process` (all of them
 * in this process, beside the buyers), for what the process layout itself costs.
 */
export async function checkoutBench(databaseUrl: string): Promise<void> {
  const buyers = Number(process.env.BENCH_CHECKOUT_BUYERS ?? 16);
  const checkouts = Number(process.env.BENCH_CHECKOUTS ?? 200);
  const hotBuyers = Number(process.env.BENCH_HOT_BUYERS ?? 500);
  const hotUnits = Number(process.env.BENCH_HOT_UNITS ?? 50);
  const layout = process.env.BENCH_CHECKOUT_LAYOUT ?? 'together';
  if (layout !== 'together' && layout !== 'apart' && layout !== 'one-process') {
    throw new Error('BENCH_CHECKOUT_LAYOUT is together, apart or one-process');
  }
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {}, { orderHistory: 0 });
  const system = layout === 'one-process' ? await startSystemInThisProcess(databaseUrl) : await startSystemProcesses(databaseUrl, layout);
  try {
    await withOrm(ordersSubgraph, databaseUrl, async (em) => {
      const admin = await benchHeaders(Role.ADMIN);
      const guest = { 'content-type': 'application/json' };
      const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = guest) => {
        const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, any> };
        if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
        return body.data;
      };
      const [store] = await sql<{ id: string }>(em, `select id from inventory.location where pickup_enabled order by name limit 1`);
      const product = async (sku: string, units: number) => {
        await post(
          `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code } } }`,
          { input: { title: `Bench ${sku}`, status: 'ACTIVE', channels: ['WEB'], variants: [{ sku, price: { amount: '10.00' } }] } },
          admin,
        );
        await post(
          `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
          { input: { sku, locationId: store.id, delta: units, reason: 'RECEIVED' } },
          admin,
        );
      };
      await product('BENCH-PLENTY', checkouts + 10);
      await product('BENCH-HOT', hotUnits);
      // A GraphQL error becomes "<the mutation it failed in> <its code>", so the answers group by kind.
      const checkout = (sku: string, i: number): Promise<string | null> =>
        attempt(sku, i).catch((error: Error) => {
          try {
            const [first] = JSON.parse(error.message) as { path?: string[]; extensions?: { code?: string } }[];
            return `${first.path?.[0] ?? 'request'} ${first.extensions?.code ?? 'ERROR'}`;
          } catch {
            return `ERROR ${error.message.slice(0, 120)}`;
          }
        });
      const attempt = async (sku: string, i: number): Promise<string | null> => {
        const created = await post(
          `mutation($sku: String!) { cartCreate(input: { channel: WEB, lines: [{ sku: $sku, quantity: 1 }] }) { cart { id } } }`,
          { sku },
        );
        const cartId = created.cartCreate.cart.id as string;
        const delivered = await post(
          `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { cart { cost { total { amount } } } } }`,
          { id: cartId, handle: `PICKUP:${store.id}` },
        );
        const total = delivered.cartDeliveryUpdate.cart.cost.total.amount as string;
        // As a careful client: a timeout or "busy" is asked again after a pause, under the same key
        // (it answers the first attempt) or, after CHECKOUT_FAILED (undone, nothing charged), a new one.
        let key = `bench-${sku}-${i}`;
        for (let tries = 1; ; tries += 1) {
          const answer = await completeOnce(cartId, key, total);
          if (tries === CHECKOUT_TRIES || !RETRIED.has(answer.replace(/^checkoutComplete /, ''))) return answer === 'ok' ? null : answer;
          retries += 1;
          if (answer === 'CHECKOUT_FAILED') key = `bench-${sku}-${i}-${tries}`;
          await new Promise((resolve) => setTimeout(resolve, tries * (250 + Math.random() * 750)));
        }
      };
      let retries = 0;
      /** One checkoutComplete: "ok", its user error's code, or "checkoutComplete <GraphQL error code>". */
      const completeOnce = async (cartId: string, key: string, total: string): Promise<string> => {
        try {
          const done = await post(COMPLETE, {
            cartId,
            key,
            input: {
              email: 'bench@example.com',
              payments: [{ method: 'TEST_CARD', amount: { amount: total }, cardNumber: '4242424242424242' }],
            },
          });
          return (done.checkoutComplete.userErrors[0]?.code as string | undefined) ?? 'ok';
        } catch (error) {
          const [first] = JSON.parse((error as Error).message) as { extensions?: { code?: string } }[];
          return `checkoutComplete ${first.extensions?.code ?? 'ERROR'}`;
        }
      };

      // What each process spends with nothing to do (polling, timers), so the figures per checkout can be read against it.
      const idleFrom = system.cpuMs();
      await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
      const idle = system.cpuMs();

      const results: LoadResult[] = [];
      let failed = 0;
      const cpuBefore = system.cpuMs();
      const countsBefore = await system.counts();
      const databaseBefore = await databaseWork(em);
      results.push(
        await measure(
          `checkout (cart, line, pickup, test card), ${buyers} buyers`,
          checkouts,
          buyers,
          async (i) => void ((await checkout('BENCH-PLENTY', i)) && failed++),
        ),
      );
      const cpu = system.cpuMs();
      const countsAfter = await system.counts();
      // PostgreSQL publishes a backend's counts within a second of its transactions.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const databaseAfter = await databaseWork(em);
      const hotAnswers: (string | null)[] = [];
      results.push(
        await measure(
          `hot SKU: ${hotBuyers} buyers for ${hotUnits} units`,
          hotBuyers,
          hotBuyers,
          async (i) => void hotAnswers.push(await checkout('BENCH-HOT', i)),
        ),
      );
      printResults(`checkout through the gateway, ${LAYOUT_TITLES[layout]}`, results);
      printCpuPerCheckout(cpuBefore, cpu, checkouts - failed);
      printRequestsPerCheckout(countsBefore, countsAfter, checkouts - failed);
      printDatabaseWorkPerCheckout(databaseBefore, databaseAfter, checkouts - failed);
      const perSecond = Object.keys(idle).map((name) => `${name} ${(((idle[name] - idleFrom[name]) * 1000) / IDLE_SAMPLE_MS).toFixed(1)}`);
      console.log(`CPU per second with nothing to do, ms: ${perSecond.join(', ')}`);

      const won = hotAnswers.filter((a) => a === null).length;
      const outOfStock = hotAnswers.filter((a) => a === 'OUT_OF_STOCK').length;
      console.log(
        `\nplenty: ${checkouts - failed} orders, ${failed} refused or failed; checkoutComplete asked again ${retries} times over both runs`,
      );
      const others = new Map<string, number>();
      for (const answer of hotAnswers) if (answer !== null && answer !== 'OUT_OF_STOCK') others.set(answer, (others.get(answer) ?? 0) + 1);
      const otherCodes = [...others].map(([code, n]) => `${n} ${code}`).join(', ');
      console.log(
        `hot SKU: ${won} orders for ${hotUnits} units, ${outOfStock} OUT_OF_STOCK, ${hotBuyers - won - outOfStock} other answers${otherCodes ? ` (${otherCodes})` : ''}`,
      );
      await printInvariants(em, hotUnits, won);
    });
  } finally {
    await system.stop();
  }
}

/** What each process's /metrics says it has done so far. */
interface ProcessCounts {
  /** GraphQL requests answered, by operation name. */
  requests: Record<string, Map<string, number>>;
  /** SQL statements sent through its database pool. */
  statements: Record<string, number>;
}

interface SystemProcesses {
  gatewayUrl: string;
  /** CPU used so far, in ms, by each process (and `postgres`, every PostgreSQL process together; `bench`, this one). */
  cpuMs(): Record<string, number>;
  /** Each process's /metrics so far: GraphQL requests answered, by operation name, and SQL statements sent. */
  counts(): Promise<ProcessCounts>;
  stop(): Promise<void>;
}

const LAYOUT_TITLES: Record<string, string> = {
  together: 'the gateway in one process, the five subgraphs in another',
  apart: 'the gateway and each subgraph in a process of its own',
  'one-process': 'the gateway, the subgraphs and the buyers in one process',
};

/** The gateway and the five subgraphs as `npm start` starts them in `layout`, on free ports. */
async function startSystemProcesses(databaseUrl: string, layout: SubgraphLayout): Promise<SystemProcesses> {
  const taken = new Set<number>();
  const pick = async () => {
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    return port;
  };
  const ports: Record<string, number> = { gateway: await pick() };
  for (const subgraph of subgraphs) ports[subgraph.name] = await pick();
  const urls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  const env = {
    ...process.env,
    ...urls,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JWT_SECRET: BENCH_JWT_SECRET_TEXT,
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    RATE_LIMIT: 'false',
  };
  // The processes' own warnings (timeouts under the hot-SKU crowd) would bury the figures: kept, and shown only if a start fails.
  const log: string[] = [];
  const supervisor = new Supervisor((line) => log.push(line) > 200 && log.shift());
  const children = systemProcesses(layout, env, ports, '127.0.0.1');
  const names = children.map((child) => child.name);
  try {
    await Promise.all(children.map((child) => supervisor.start(child)));
  } catch (error) {
    console.log(log.join('\n'));
    await supervisor.stopAll();
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    cpuMs: () => {
      const cpu: Record<string, number> = {};
      for (const name of names) cpu[name] = processCpuMs(supervisor.processOf(name)?.pid as number);
      cpu.postgres = postgresCpuMs();
      const own = process.cpuUsage();
      cpu.bench = (own.user + own.system) / 1000;
      return cpu;
    },
    counts: () =>
      countsOf(
        Object.fromEntries(['gateway', ...subgraphs.map((s) => s.name)].map((name) => [name, `http://127.0.0.1:${ports[name]}/metrics`])),
      ),
    stop: () => supervisor.stopAll(),
  };
}

/** What each process's /metrics (by name) says it has done so far. */
async function countsOf(metricsUrls: Record<string, string>): Promise<ProcessCounts> {
  const counts: ProcessCounts = { requests: {}, statements: {} };
  for (const [name, url] of Object.entries(metricsUrls)) {
    const text = await (await fetch(url)).text();
    const requests = (counts.requests[name] = new Map<string, number>());
    for (const [, operation, n] of text.matchAll(/^graphql_requests_total\{operation="([^"]*)",outcome="[^"]*"[^}]*\} (\d+)/gm)) {
      requests.set(operation, (requests.get(operation) ?? 0) + Number(n));
    }
    const statements = /^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text);
    if (statements) counts.statements[name] = Number(statements[1]);
  }
  return counts;
}

/**
 * The gateway and the five subgraphs in this one process (as the tests run them: sweepers off,
 * outbox polls every 100 ms), for what the six-process layout itself costs: the same checkouts
 * with no process switch between the parts. JavaScript then runs on one core, beside the buyers.
 */
async function startSystemInThisProcess(databaseUrl: string): Promise<SystemProcesses> {
  const system = await startInProcessSystem({ databaseUrl, jwtSecret: BENCH_JWT_SECRET, gatewaySecret: randomBytes(24).toString('hex') });
  const metricsUrls: Record<string, string> = { gateway: system.gatewayUrl, ...system.urls };
  return {
    gatewayUrl: system.gatewayUrl,
    cpuMs: () => {
      const own = process.cpuUsage();
      return { bench: (own.user + own.system) / 1000, postgres: postgresCpuMs() };
    },
    counts: () =>
      countsOf(Object.fromEntries(Object.entries(metricsUrls).map(([name, url]) => [name, url.replace(/\/graphql$/, '/metrics')]))),
    stop: () => system.close(),
  };
}

/** CPU used so far by every PostgreSQL process on this machine (the server and its backends), in ms. */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(postgres)')) total += processCpuMs(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Where a checkout's time goes: each process's CPU over the well-stocked run, per order. */
function printCpuPerCheckout(before: Record<string, number>, after: Record<string, number>, orders: number): void {
  const perCheckout = Object.keys(after).map((name) => [name, (after[name] - before[name]) / Math.max(orders, 1)] as const);
  const total = perCheckout.reduce((sum, [, ms]) => sum + ms, 0);
  const parts = perCheckout.map(([name, ms]) => `${name === 'bench' ? 'the buyers (this process)' : name} ${ms.toFixed(1)}`);
  console.log(`\nCPU per checkout, ms: ${parts.join(', ')}; ${total.toFixed(1)} in all`);
  console.log(`on these 2 cores that is at most ${((2 * 1000) / total).toFixed(0)} checkouts/s`);
}

/** The GraphQL requests each process answered per checkout, by operation, over the well-stocked run. */
function printRequestsPerCheckout(before: ProcessCounts, after: ProcessCounts, orders: number): void {
  console.log('requests answered per checkout:');
  for (const [name, counts] of Object.entries(after.requests)) {
    const per = [...counts]
      .map(([operation, n]) => [operation, (n - (before.requests[name].get(operation) ?? 0)) / Math.max(orders, 1)] as const)
      .filter(([, n]) => n >= 0.05)
      .sort((a, b) => b[1] - a[1]);
    const total = per.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `  ${name} ${total.toFixed(1)}: ${per.map(([operation, n]) => `${operation || '(anonymous)'} ${n.toFixed(1)}`).join(', ')}`,
    );
  }
  const statements = Object.entries(after.statements).map(
    ([name, n]) => `${name} ${((n - (before.statements[name] ?? 0)) / Math.max(orders, 1)).toFixed(1)}`,
  );
  console.log(`SQL statements sent per checkout, BEGIN and COMMIT included (each a round trip): ${statements.join(', ')}`);
}

interface DatabaseWork {
  transactions: number;
  /** Rows inserted, updated and deleted, by schema-qualified table. */
  writes: Map<string, number>;
  /** Index and sequential scans, by table. */
  scans: Map<string, number>;
}

/** The database's transactions so far, and each table's row writes and scans (PostgreSQL's statistics views). */
async function databaseWork(em: EntityManager): Promise<DatabaseWork> {
  const [{ n }] = await sql<{ n: string }>(
    em,
    `select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`,
  );
  const tables = await sql<{ name: string; writes: string; scans: string }>(
    em,
    `select schemaname || '.' || relname as name, n_tup_ins + n_tup_upd + n_tup_del as writes,
            coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as scans
       from pg_stat_user_tables`,
  );
  return {
    transactions: Number(n),
    writes: new Map(tables.map((t) => [t.name, Number(t.writes)])),
    scans: new Map(tables.map((t) => [t.name, Number(t.scans)])),
  };
}

/** Transactions per checkout, and the tables written and read most per checkout. */
function printDatabaseWorkPerCheckout(before: DatabaseWork, after: DatabaseWork, orders: number): void {
  const per = (kind: 'writes' | 'scans') =>
    [...after[kind]]
      .map(([table, n]) => [table, (n - (before[kind].get(table) ?? 0)) / Math.max(orders, 1)] as const)
      .filter(([, n]) => n >= 0.5)
      .sort((a, b) => b[1] - a[1]);
  const list = (rows: (readonly [string, number])[]) => rows.map(([table, n]) => `${table} ${n.toFixed(1)}`).join(', ');
  const total = (rows: (readonly [string, number])[]) => rows.reduce((sum, [, n]) => sum + n, 0).toFixed(0);
  const writes = per('writes');
  const scans = per('scans');
  // The bench's own statistics queries are a handful of transactions in all, not per checkout.
  console.log(`PostgreSQL per checkout: ${((after.transactions - before.transactions) / Math.max(orders, 1)).toFixed(1)} transactions`);
  console.log(`  rows written ${total(writes)}: ${list(writes)}`);
  console.log(`  table scans (index or sequential) ${total(scans)}: ${list(scans)}`);
}

/**
 * Waits until no checkout is still running, compensating or finishing after its order, then
 * prints the invariants: orders against units and against the buyers told of one, units held
 * against the orders' units, holds of checkouts that did not end in an order, open card
 * authorizations, orders whose money does not add up.
 */
async function printInvariants(em: EntityManager, hotUnits: number, answeredOrders: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [{ n }] = await sql<{ n: string }>(
      em,
      `select count(*) as n from orders.checkout where state in ('RUNNING', 'COMPENSATING', 'PLACED')`,
    );
    if (Number(n) === 0) break;
    if (Date.now() > deadline) {
      console.log(`${n} checkouts still unsettled after 120 s`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const [{ n: hotOrders }] = await sql<{ n: string }>(
    em,
    `select count(distinct l.order_id) as n from orders.order_line l where l.sku = 'BENCH-HOT'`,
  );
  const held = await sql<{ sku: string; reserved: string; ordered: string }>(
    em,
    `select lv.sku, sum(lv.reserved) as reserved,
            (select coalesce(sum(l.quantity - l.quantity_fulfilled - l.quantity_cancelled), 0) from orders.order_line l where l.sku = lv.sku) as ordered
       from inventory.inventory_level lv where lv.sku like 'BENCH-%' group by lv.sku order by lv.sku`,
  );
  const [{ n: pending }] = await sql<{ n: string }>(em, `select count(*) as n from inventory.reservation where status = 'PENDING'`);
  const [{ n: open }] = await sql<{ n: string }>(
    em,
    `select count(*) as n from orders.test_card_authorization a
      where a.state <> 'VOIDED' and a.amount_minor > a.captured_minor`,
  );
  const [{ n: unbalanced }] = await sql<{ n: string }>(
    em,
    `select count(*) as n from orders."order" o where o.total_minor <> (select coalesce(sum(amount_minor), 0) from orders.payment p where p.order_id = o.id)
        or o.subtotal_minor - o.discount_total_minor + o.shipping_minor <> o.total_minor`,
  );
  console.log(
    `settled: ${hotOrders} hot-SKU orders in the database for ${hotUnits} units, ${Number(hotOrders) - answeredOrders} of them for buyers who were told it failed`,
  );
  console.log(`units held against units ordered: ${held.map((h) => `${h.sku} ${h.reserved}/${h.ordered}`).join(', ')}`);
  console.log(
    `left over: ${pending} pending reservations, ${open} card authorizations open; orders whose money does not add up: ${unbalanced}`,
  );
  const wrong =
    Number(hotOrders) > hotUnits ||
    Number(hotOrders) !== answeredOrders ||
    held.some((h) => h.reserved !== h.ordered) ||
    Number(pending) > 0 ||
    Number(open) > 0 ||
    Number(unbalanced) > 0;
  if (wrong) {
    console.log('INVARIANT BROKEN');
    process.exitCode = 1;
  }
}
