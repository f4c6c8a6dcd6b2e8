import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/free-port';
import { createTestDatabase } from '../support/database';
import { repoRoot } from '../../scripts/lib/paths';
import { gql, gqlData } from '../support/graphql-client';
import { subscribeLive } from '../support/live';
import { subgraphProcess, waitFor } from '../support/processes';
import { startSystem } from '../support/system';

/**
 * The README's first command, for real: embedded PostgreSQL, migrations, the demo business,
 * five subgraph processes and the gateway; queried over HTTP through the gateway; stopped with
 * Ctrl-C; started again with every change kept.
 */
describe('npm start', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commerce-e2e-'));
    await chmod(dataDir, 0o755);
    // A short order history: enough to see the first start write one, cheap enough for every run.
    env = { DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await freePort()), DATABASE_URL: '', DEMO_ORDER_HISTORY: '40' };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves the catalog through the gateway, stops cleanly and keeps its data across a restart', async () => {
    const first = await startSystem(env);
    let handle: string;
    try {
      expect(first.output()).toMatch(/seeded \d+ categories, \d+ products, \d+ variants/);
      expect(first.output()).toMatch(/orders: seeded 40 orders of history/);
      const health = await fetch(first.gatewayUrl.replace('/graphql', '/health/ready'));
      expect(await health.json()).toEqual({
        status: 'ok',
        checks: { products: 'ok', inventory: 'ok', orders: 'ok', customers: 'ok', promotions: 'ok' },
      });

      const catalog = await gqlData(
        first.gatewayUrl,
        `{
        products(first: 5, filter: { channel: WEB }, sortKey: PRICE) { nodes { title priceRange { minVariantPrice { amount currencyCode } } variants(first: 1) { nodes { sku } } } }
        categories(first: 3) { nodes { name } }
        locations(first: 5) { nodes { id } }
      }`,
      );
      expect(catalog.products.nodes).toHaveLength(5);
      const sku = catalog.products.nodes[0].variants.nodes[0].sku;
      const variant = await gqlData(first.gatewayUrl, `query($sku: String) { productVariant(sku: $sku) { sku product { title } } }`, {
        sku,
      });
      expect(variant.productVariant.product.title).toBe(catalog.products.nodes[0].title);

      // The printed demo tokens work: the admin's manages the catalog and stock.
      const adminToken = /admin \([^)]*\):\s+(\S+)/.exec(first.output())?.[1];
      expect(adminToken).toBeDefined();
      const asAdmin = { authorization: `Bearer ${adminToken}` };
      const anonymousCreate = await gql(
        first.gatewayUrl,
        `mutation { productCreate(input: { title: "Nobody's Pump", variants: [{ sku: "E2E-NOBODY", price: { amount: "1" } }] }) { product { id } } }`,
      );
      expect(anonymousCreate.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const created = await gqlData(
        first.gatewayUrl,
        `mutation { productCreate(input: { title: "Restart Proof Pump", status: ACTIVE, variants: [{ sku: "E2E-PUMP", price: { amount: "24.95" } }] }) { product { handle } userErrors { message } } }`,
        {},
        asAdmin,
      );
      expect(created.productCreate.userErrors).toEqual([]);
      handle = created.productCreate.product.handle;

      const sandbox = await fetch(first.gatewayUrl, { headers: { accept: 'text/html' } });
      expect(sandbox.headers.get('content-type')).toMatch(/text\/html/);

      const invalid = await gql(first.gatewayUrl, `{ products(first: 1000) { nodes { id } } }`);
      expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      // Live stock across the real processes: a change in inventory reaches a WebSocket subscriber.
      const store = (await gqlData(first.gatewayUrl, `{ locations(first: 1) { nodes { id } } }`)).locations.nodes[0].id;
      const live = subscribeLive<{ kind: string; available: number; variant: { sku: string } }>(
        first.gatewayUrl.replace('http', 'ws'),
        `subscription($sku: String!, $store: ID!) { stockChanged(skus: [$sku], locationIds: [$store]) { kind available variant { sku } } }`,
        { sku, store },
      );
      try {
        const [snapshot] = await live.waitFor((items) => items.length === 1);
        await gqlData(
          first.gatewayUrl,
          `mutation($sku: String!, $store: ID!) { inventoryAdjust(input: { sku: $sku, locationId: $store, delta: 3, reason: RECEIVED }) { userErrors { code } } }`,
          { sku, store },
          asAdmin,
        );
        const items = await live.waitFor((received) => received.length === 2);
        expect(items[1]).toEqual({ kind: 'CHANGE', available: snapshot.available + 3, variant: { sku } });
      } finally {
        await live.dispose();
      }
      // The customer's token signs in as the demo customer.
      const customerToken = /customer \(ada\.rider@example\.com[^)]*\):\s+(\S+)/.exec(first.output())?.[1];
      expect(customerToken).toBeDefined();
      const me = await gql(first.gatewayUrl, '{ me { email displayName } }', {}, { authorization: `Bearer ${customerToken}` });
      expect(me.data?.me).toEqual({ email: 'ada.rider@example.com', displayName: 'Ada Rider' });
      const forged = await gql(first.gatewayUrl, '{ me { email } }', {}, { authorization: 'Bearer forged.token.value' });
      expect(forged.status).toBe(401);
      // A subgraph called directly, not through the gateway, runs nothing.
      const direct = await gql(`http://127.0.0.1:${first.ports.PRODUCTS_PORT}/graphql`, '{ products(first: 1) { nodes { id } } }');
      expect(direct.status).toBe(401);

      const kiosk = await fetch(first.gatewayUrl.replace('/graphql', '/kiosk'));
      expect(await kiosk.text()).toMatch(/Stock board/);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(first.output()).toMatch(/stopped cleanly/);

    // Again, with each subgraph in a process of its own (as the production image runs them), on the same data.
    const second = await startSystem({ ...env, SUBGRAPH_LAYOUT: 'apart' });
    try {
      expect(second.output()).toMatch(/catalog already has products/);
      const kept = await gqlData(
        second.gatewayUrl,
        `query($h: String) { product(handle: $h) { variants(first: 1) { nodes { sku price { amount } } } } }`,
        { h: handle! },
      );
      expect(kept.product.variants.nodes).toEqual([{ sku: 'E2E-PUMP', price: { amount: '24.95' } }]);

      // One subgraph crashing is one subgraph down: the rest answers, readiness says degraded, and npm start restarts it.
      const products = subgraphProcess('products', second.ports.PRODUCTS_PORT);
      process.kill(products, 'SIGKILL');
      const partial = await gql(
        second.gatewayUrl,
        `query($h: String) { locations(first: 1) { nodes { name } } product(handle: $h) { title } }`,
        {
          h: handle!,
        },
      );
      expect(partial.data?.locations.nodes).toHaveLength(1);
      expect(partial.data?.product).toBeNull();
      expect(partial.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'products' } });
      const ready = await fetch(second.gatewayUrl.replace('/graphql', '/health/ready'));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'degraded', degraded: ['products'] });
      await waitFor(() => /products restarted and ready/.test(second.output()), 60_000);
      expect(second.output()).toMatch(/products exited unexpectedly \(SIGKILL\); restarting it in/);
      const back = await gqlData(second.gatewayUrl, '{ products(first: 1) { nodes { title } } }');
      expect(back.products.nodes).toHaveLength(1);
      expect(subgraphProcess('products', second.ports.PRODUCTS_PORT)).not.toBe(products);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 300_000);
});

describe('a subgraph process', () => {
  it('refuses a bad configuration with a clear message and exit code 2', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'subgraphs', 'products', 'src', 'index.js')], {
      env: { ...process.env, DATABASE_URL: 'not a url', PRODUCTS_PORT: 'eighty', SHOP_CURRENCY: 'EUR' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PRODUCTS_PORT/);
    expect(result.stderr).toMatch(/PRODUCTS_DATABASE_URL/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses it the same way when the five run together', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'scripts', 'run-subgraphs.js')], {
      env: { ...process.env, DATABASE_URL: 'not a url', SHOP_CURRENCY: 'EUR' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PRODUCTS_DATABASE_URL/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops cleanly on a SIGTERM that arrives while the five are still starting', async () => {
    const db = await createTestDatabase();
    try {
      const ports = Object.fromEntries(
        await Promise.all(
          ['PRODUCTS', 'INVENTORY', 'ORDERS', 'CUSTOMERS', 'PROMOTIONS'].map(async (n) => [`${n}_PORT`, String(await freePort())]),
        ),
      );
      const child = spawn(process.execPath, [join(repoRoot, 'dist', 'scripts', 'run-subgraphs.js')], {
        env: { ...process.env, ...ports, DATABASE_URL: db.url, LOG_LEVEL: 'info', SHOP_CURRENCY: 'EUR' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      // The first of the five is up; the others are still starting.
      await waitFor(() => output.includes('products subgraph ready'), 60_000);
      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(output).toMatch(/subgraphs stopping/);
    } finally {
      await db.drop();
    }
  }, 90_000);
});

describe('npm start', () => {
  it('refuses an unknown process layout before it starts anything', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'scripts', 'start.js')], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SUBGRAPH_LAYOUT: 'sideways' },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/SUBGRAPH_LAYOUT/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });
});
