import { freePort } from '../../scripts/lib/free-port';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gql } from '../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../test/support/products';

/** The gateway over the committed supergraph, with products up and every other subgraph down. */
let products: ProductsHarness;
let gateway: GatewayHarness;
let sandboxGateway: GatewayHarness;

beforeAll(async () => {
  products = await startProducts({ seed: true });
  const down = `http://127.0.0.1:${await freePort()}/graphql`;
  const urls = { products: products.url, inventory: down, orders: down, customers: down, promotions: down };
  gateway = await startGateway(urls);
  sandboxGateway = await startGateway(urls, { landingPage: true });
});
afterAll(async () => {
  await gateway.close();
  await sandboxGateway.close();
  await products.close();
});

it('is live, and ready but degraded while a subgraph is down, saying which', async () => {
  const base = gateway.url.replace('/graphql', '');
  expect((await fetch(`${base}/health/live`)).status).toBe(200);
  const ready = await fetch(`${base}/health/ready`);
  expect(ready.status).toBe(200);
  const body = (await ready.json()) as { status: string; degraded: string[]; checks: Record<string, string> };
  expect(body.status).toBe('degraded');
  expect(body.degraded).toEqual(expect.arrayContaining(['inventory', 'orders', 'customers', 'promotions']));
  expect(body.checks.products).toBe('ok');
  expect(body.checks.inventory).toMatch(/^failed/);
});

it('serves what the running subgraphs own and degrades the rest to a coded error', async () => {
  const ok = await gql(gateway.url, `{ products(first: 2) { nodes { title } } }`);
  expect(ok.errors).toBeUndefined();
  expect(ok.data?.products.nodes).toHaveLength(2);

  const partial = await gql(
    gateway.url,
    `{ products(first: 1) { nodes { title } } location(id: "00000000-0000-4000-8000-000000000000") { id } }`,
  );
  expect(partial.status).toBe(200);
  expect(partial.data?.products.nodes).toHaveLength(1);
  expect(partial.data?.location).toBeNull();
  expect(partial.errors?.[0]).toMatchObject({
    message: 'The inventory service is unavailable; try again shortly',
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'inventory' },
  });
  expect(JSON.stringify(partial.errors)).not.toMatch(/\n\s+at /);
});

it('rejects an invalid operation with GRAPHQL_VALIDATION_FAILED', async () => {
  const result = await gql(gateway.url, `{ products(first: 1) { nodes { noSuchField } } }`);
  expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('hides federation internals from clients', async () => {
  const result = await gql(gateway.url, `{ _entities(representations: []) { __typename } }`);
  expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('shows Apollo Sandbox only when the landing page is on (development)', async () => {
  const html = { accept: 'text/html' };
  const withSandbox = await (await fetch(sandboxGateway.url, { headers: html })).text();
  expect(withSandbox).toMatch(/sandbox/i);
  const without = await fetch(gateway.url, { headers: html });
  expect(await without.text()).not.toMatch(/embeddable-sandbox/i);
});
