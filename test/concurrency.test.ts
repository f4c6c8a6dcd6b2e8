import { Role } from '#platform/auth';
import { demoSkus } from '../subgraphs/products/src/seed/seed-demo-catalog';
import { gql, gqlData } from './support/graphql-client';
import { startSupergraph, type SupergraphHarness } from './support/supergraph';
import { bearer, type AuthHeaders } from './support/tokens';
import { ADJUST_STOCK, LOCATIONS } from './support/documents';

/**
 * A crowd through the real gateway on the default connection pool (10 per subgraph): every
 * mutation that checks something in another subgraph does so before its transaction, so crowds
 * of ten and two times the pool all answer, none waits out the pool's 2 s acquire timeout, and
 * nothing is written after its caller gave up. (The discount crowd is the smaller one: each of
 * its calls pays for the catalog check too, and while Chromium started on the other jest worker,
 * fifty of them outlasted even the gateway's deadline.)
 */
let system: SupergraphHarness;
let admin: AuthHeaders;

beforeAll(async () => {
  // Deadlines far above production's: a browser test on the other jest worker can starve this
  // 2-core machine for seconds, and what is tested here is the pool, not the clock.
  system = await startSupergraph({ deadlines: { gatewayMs: 60_000, subgraphMs: 50_000 } });
  admin = await bearer(Role.ADMIN);
});
afterAll(() => system?.close());

const api = (query: string, variables: Record<string, unknown> = {}) => gql(system.gateway.url, query, variables, admin);

it('answers 100 concurrent inventoryAdjust calls, each on its own SKU, and records each once', async () => {
  const { locations } = await gqlData(system.gateway.url, LOCATIONS, {}, admin);
  const locationId = locations.nodes[0].id;
  const skus = demoSkus().slice(0, 100);
  const before = await movementCount(locationId);
  // Each caller asks again under its key when told it ran out of time (a starved machine can
  // make it so); whatever happened first, the key answers it and the change is recorded once.
  const adjust = async (sku: string, i: number) => {
    const variables = { input: { sku, locationId, delta: 3, reason: 'RECEIVED' }, key: `crowd-${i}` };
    for (let attempt = 1; ; attempt++) {
      const result = await gql(system.gateway.url, ADJUST_STOCK, variables, admin);
      const timedOut = result.errors?.some((e) => e.extensions?.code === 'DEADLINE_EXCEEDED');
      if (!timedOut || attempt === 5) return result;
    }
  };
  const results = await Promise.all(skus.map(adjust));
  expect(results.filter((r) => r.errors)).toEqual([]);
  expect(results.map((r) => r.data?.inventoryAdjust.userErrors).flat()).toEqual([]);
  expect(results.map((r) => r.data?.inventoryAdjust.inventoryLevel?.sku)).toEqual(skus);
  expect((await movementCount(locationId)) - before).toBe(100);
});

it('answers 20 concurrent discountCreate calls that check their targets in the catalog', async () => {
  const { products } = await gqlData(system.gateway.url, '{ products(first: 3) { nodes { id } } }', {}, admin);
  const productIds = products.nodes.map((p: { id: string }) => p.id);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      api(`mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id title } userErrors { code message } } }`, {
        input: {
          title: `Crowd ${i}`,
          code: `CROWD${i}`,
          kind: 'PERCENTAGE',
          value: '5',
          appliesTo: { type: 'PRODUCTS', productIds },
        },
      }),
    ),
  );
  expect(results.filter((r) => r.errors)).toEqual([]);
  expect(results.map((r) => r.data?.discountCreate.userErrors).flat()).toEqual([]);
  expect(new Set(results.map((r) => r.data?.discountCreate.discount.id)).size).toBe(20);
});

async function movementCount(locationId: string): Promise<number> {
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const { stockMovements }: { stockMovements: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
      await gqlData(
        system.gateway.url,
        `query($loc: ID!, $after: String) { stockMovements(locationId: $loc, first: 250, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { loc: locationId, after },
        admin,
      );
    count += stockMovements.nodes.length;
    if (!stockMovements.pageInfo.hasNextPage) return count;
    after = stockMovements.pageInfo.endCursor;
  }
}
