import { Role } from '#platform/auth';
import { gql } from '../support/graphql-client';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { bearer } from '../support/tokens';

/**
 * One subgraph down is one subgraph down: with the promotions subgraph stopped, a storefront
 * page asking for products and live offers gets its products, and the offers are null with an
 * error that says where (its `path`) and why (SUBGRAPH_UNAVAILABLE).
 */
let system: SupergraphHarness;

beforeAll(async () => {
  system = await startSupergraph();
}, 120_000);
afterAll(() => system?.close());

async function stop(name: string): Promise<void> {
  const { httpServer } = system.servers[name];
  const closed = new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
  httpServer.closeAllConnections();
  await closed;
}

it('answers a product page with promotions stopped: the title stands, the offers are null with a located error', async () => {
  const page = `{ products(first: 1, filter: { channel: WEB }) { nodes { title } } activePromotions(channel: WEB) { id title } }`;
  const before = await gql(system.gateway.url, page);
  expect(before.errors).toBeUndefined();
  expect(before.data?.activePromotions.length).toBeGreaterThan(0);

  await stop('promotions');
  const after = await gql(system.gateway.url, page);
  expect(after.status).toBe(200);
  expect(after.data?.products.nodes).toEqual([{ title: expect.any(String) }]);
  expect(after.data?.activePromotions).toBeNull();
  expect(after.errors).toEqual([
    expect.objectContaining({
      message: 'The promotions service is unavailable; try again shortly',
      path: ['activePromotions'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'promotions' },
    }),
  ]);

  // A field promotions adds to another subgraph's entity: the customer stands, their loyalty is null, located.
  const ada = await gql(
    system.gateway.url,
    `{ customerLookup(email: "ada.rider@example.com") { displayName loyalty { points } } }`,
    {},
    await bearer(Role.ADMIN),
  );
  expect(ada.data?.customerLookup).toEqual({ displayName: expect.any(String), loyalty: null });
  expect(ada.errors?.[0]).toMatchObject({
    path: ['customerLookup', 'loyalty'],
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'promotions' },
  });
});

it('answers a product list with inventory stopped: each variant stands, its stock fields null with their own paths', async () => {
  await stop('inventory');
  const answer = await gql(
    system.gateway.url,
    `{ products(first: 2, filter: { channel: WEB }) { nodes { title variants(first: 2) { nodes { sku availableForSale storeAvailability { available } } } } } }`,
  );
  expect(answer.status).toBe(200);
  const nodes = answer.data?.products.nodes as { title: string; variants: { nodes: Record<string, unknown>[] } }[];
  expect(nodes).toHaveLength(2);
  const variants = nodes.flatMap((product) => product.variants.nodes);
  for (const variant of variants) expect(variant).toEqual({ sku: expect.any(String), availableForSale: null, storeAvailability: null });
  const paths = answer.errors?.map((error) => error.path);
  expect(paths).toEqual(expect.arrayContaining([['products', 'nodes', 0, 'variants', 'nodes', 0, 'availableForSale']]));
  expect(paths).toEqual(expect.arrayContaining([['products', 'nodes', 1, 'variants', 'nodes', 0, 'storeAvailability']]));
  expect(answer.errors?.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && error.path)).toBe(true);
});
