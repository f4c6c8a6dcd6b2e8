import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { createLogger } from '#platform/runtime';
import { createInventoryServer } from '../../subgraphs/inventory/src/server';
import { seedDemoStock } from '../../subgraphs/inventory/src/seed/seed-demo-stock';
import { createProductsServer } from '../../subgraphs/products/src/server';
import { demoSkus, seedDemoCatalog } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { freePort } from '../lib/free-port';
import { migrateAll } from '../lib/migrate-all';
import { repoRoot } from '../lib/paths';
import { Supervisor } from '../lib/supervisor';
import { BENCH_JWT_SECRET, BENCH_JWT_SECRET_TEXT, benchHeaders } from './bench-auth';
import { processCpuMs } from './child-process';
import { measure, printResults } from './measure';

/**
 * Checkouts racing for one hot SKU: BENCH_RESERVATION_CLIENTS concurrent callers (default 32)
 * make BENCH_RESERVATIONS one-unit reservations (default 3,000) over HTTP against a location
 * holding half that many units, then the invariants are checked: exactly as many won as there
 * were units, nothing went negative, and the ledger sums to the level. The race runs twice: with
 * the inventory and products subgraphs in this process, beside the clients (one core for all),
 * and with each in a process of its own, started as `npm start` starts them.
 */
export async function reservationsBench(databaseUrl: string): Promise<void> {
  const clients = Number(process.env.BENCH_RESERVATION_CLIENTS ?? 32);
  const attempts = Number(process.env.BENCH_RESERVATIONS ?? 3_000);
  const stock = Math.floor(attempts / 2);
  await migrateAll(databaseUrl, () => {});
  const logger = createLogger('bench', 'silent');
  const products = await createProductsServer({ databaseUrl, logger, currencyCode: 'EUR', poolMax: 4, jwtSecret: BENCH_JWT_SECRET });
  const inventory = await createInventoryServer({
    databaseUrl,
    logger,
    productsUrl: `${await products.listen(0)}/graphql`,
    reservationSweepMs: 0,
    poolMax: 20,
    jwtSecret: BENCH_JWT_SECRET,
  });
  const supervisor = new Supervisor(() => {});
  try {
    await seedDemoCatalog(products.orm.em.fork(), 'EUR');
    const [sku] = demoSkus();
    await seedDemoStock(inventory.orm.em.fork(), demoSkus());
    const em = inventory.orm.em.fork();
    const [{ id: locationId }] = await sql<{ id: string }>(em, `select id from inventory.location order by name limit 1`);
    const race = { em, sku, locationId, stock, attempts, clients };

    let failed = await hotSkuRace('in this process, beside the clients', `${await inventory.listen(0)}/graphql`, race);

    const ports = { products: await freePort(), inventory: await freePort() };
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JWT_SECRET: BENCH_JWT_SECRET_TEXT,
      PRODUCTS_URL: `http://127.0.0.1:${ports.products}/graphql`,
      INVENTORY_URL: `http://127.0.0.1:${ports.inventory}/graphql`,
    };
    for (const name of ['products', 'inventory'] as const) {
      await supervisor.start({
        name,
        script: join(repoRoot, 'dist', 'subgraphs', name, 'src', 'index.js'),
        env: { ...env, [`${name.toUpperCase()}_PORT`]: String(ports[name]) },
        readyUrl: `http://127.0.0.1:${ports[name]}/health/ready`,
      });
    }
    const inventoryPid = supervisor.processOf('inventory')?.pid as number;
    const cpuBefore = processCpuMs(inventoryPid);
    failed = (await hotSkuRace('in processes of their own', env.INVENTORY_URL, race)) || failed;
    console.log(`inventory process CPU per attempt: ${((processCpuMs(inventoryPid) - cpuBefore) / attempts).toFixed(2)} ms`);
    if (failed) process.exitCode = 1;
  } finally {
    await supervisor.stopAll();
    await inventory.close();
    await products.close();
  }
}

interface Race {
  em: EntityManager;
  sku: string;
  locationId: string;
  stock: number;
  attempts: number;
  clients: number;
}

/** One race for the SKU, from a level set to `stock` with nothing reserved; prints it and its checks, and answers whether one failed. */
async function hotSkuRace(where: string, url: string, { em, sku, locationId, stock, attempts, clients }: Race): Promise<boolean> {
  // The level starts over, through the ledger like any correction, so the ledger still sums to it.
  await sql(
    em,
    `insert into inventory.stock_movement (sku, location_id, reason, quantity, reserved_delta, on_hand_after, available_after, version, occurred_at, recorded_at)
    select sku, location_id, 'CORRECTION', ? - on_hand, - reserved, ?, ?, version + 1, now(), now() from inventory.inventory_level where sku = ? and location_id = ?`,
    [stock, stock, stock, sku, locationId],
  );
  await sql(em, `update inventory.inventory_level set on_hand = ?, reserved = 0, version = version + 1 where sku = ? and location_id = ?`, [
    stock,
    sku,
    locationId,
  ]);
  const [{ before }] = await sql<{ before: string }>(em, `select count(*) as before from inventory.reservation`);

  let won = 0;
  const run = randomUUID();
  const headers = await benchHeaders(Role.SERVICE);
  const query = `mutation($input: InventoryReserveInput!) { inventoryReserve(input: $input) { reservation { id } userErrors { code } } }`;
  const result = await measure(`reserve 1 unit of one SKU, ${clients} clients`, attempts, clients, async (i) => {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query,
        variables: { input: { key: `bench-${run}-${i}`, locationId, lines: [{ sku, quantity: 1 }], channel: 'WEB' } },
      }),
    });
    const body = (await response.json()) as {
      data?: { inventoryReserve: { reservation: unknown; userErrors: { code: string }[] } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    if (body.data.inventoryReserve.reservation) won += 1;
    else if (body.data.inventoryReserve.userErrors[0]?.code !== 'INSUFFICIENT_STOCK') throw new Error(JSON.stringify(body.data));
  });
  printResults(`reservations on a hot SKU, subgraphs ${where}: ${attempts} attempts for ${stock} units`, [result]);

  const [level] = await sql<{ on_hand: number; reserved: number }>(
    em,
    `select on_hand, reserved from inventory.inventory_level where sku = ? and location_id = ?`,
    [sku, locationId],
  );
  const [ledger] = await sql<{ on_hand: string; reserved: string }>(
    em,
    `select sum(quantity) as on_hand, sum(reserved_delta) as reserved from inventory.stock_movement where sku = ? and location_id = ?`,
    [sku, locationId],
  );
  const [{ after }] = await sql<{ after: string }>(em, `select count(*) as after from inventory.reservation`);
  const checks = {
    'successful reservations = units in stock': won === stock,
    'reserved = successful reservations': level.reserved === won,
    'one reservation row per success': Number(after) - Number(before) === won,
    'available never negative': level.on_hand - level.reserved >= 0,
    'ledger sums to onHand and reserved': Number(ledger.on_hand) === level.on_hand && Number(ledger.reserved) === level.reserved,
  };
  console.log(
    `won ${won} of ${attempts} (${(won / (result.requests / result.perSecond)).toFixed(0)} successful reservations/s); level onHand ${level.on_hand}, reserved ${level.reserved}`,
  );
  for (const [check, ok] of Object.entries(checks)) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${check}`);
  return Object.values(checks).some((ok) => !ok);
}
