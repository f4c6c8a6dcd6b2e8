import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gql } from '../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../test/support/products';

/** Subgraphs answer only requests that carry the gateway's shared secret; health checks need none. */
const SECRET = 'shared-between-gateway-and-subgraphs';
let products: ProductsHarness;
let gateway: GatewayHarness;
let wrongGateway: GatewayHarness;

beforeAll(async () => {
  products = await startProducts({ seed: true, gatewaySecret: SECRET });
  gateway = await startGateway({ products: products.url }, { gatewaySecret: SECRET });
  wrongGateway = await startGateway({ products: products.url }, { gatewaySecret: 'not-the-secret' });
});
afterAll(async () => {
  await gateway?.close();
  await wrongGateway?.close();
  await products?.close();
});

const QUERY = '{ products(first: 1) { nodes { title } } }';

it('refuses a direct call without the secret, or with a wrong one, with 401 and runs nothing', async () => {
  const attempts: Record<string, string>[] = [{}, { 'x-gateway-secret': 'guess' }, { 'x-gateway-secret': '' }];
  for (const headers of attempts) {
    const result = await gql(products.url, QUERY, {}, headers);
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  }
  expect((await gql(products.url, QUERY, {}, { 'x-gateway-secret': SECRET })).data?.products.nodes).toHaveLength(1);
  expect((await fetch(products.url.replace('/graphql', '/health/ready'))).status).toBe(200);
});

it('lets requests through the gateway, and a client cannot supply the secret itself', async () => {
  expect((await gql(gateway.url, QUERY)).data?.products.nodes).toHaveLength(1);
  const viaWrong = await gql(wrongGateway.url, QUERY, {}, { 'x-gateway-secret': SECRET });
  expect(viaWrong.data?.products ?? null).toBeNull();
  expect(viaWrong.errors?.length).toBeGreaterThan(0);
});
