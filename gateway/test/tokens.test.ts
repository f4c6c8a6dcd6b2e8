import { SignJWT } from 'jose';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gql } from '../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../test/support/products';

/** Decision 6: the gateway refuses bad tokens early and forwards good ones; each subgraph verifies them again. */
const SECRET = 'gateway-and-subgraphs-share-this-secret!';
let products: ProductsHarness;
let otherProducts: ProductsHarness;
let gateway: GatewayHarness;
let mismatched: GatewayHarness;

const sign = (secret: string, expiresIn = '1h') =>
  new SignJWT({ role: 'STAFF' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('staff-1')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

beforeAll(async () => {
  products = await startProducts({ seed: true, jwtSecret: SECRET });
  otherProducts = await startProducts({ jwtSecret: 'a-subgraph-with-a-different-secret!!' });
  gateway = await startGateway({ products: products.url }, { jwtSecret: SECRET });
  mismatched = await startGateway({ products: otherProducts.url }, { jwtSecret: SECRET });
});
afterAll(async () => {
  await gateway?.close();
  await mismatched?.close();
  await products?.close();
  await otherProducts?.close();
});

const QUERY = '{ products(first: 1) { nodes { title } } }';

it('serves anonymous callers and callers with a valid token', async () => {
  expect((await gql(gateway.url, QUERY)).data?.products.nodes).toHaveLength(1);
  const signedIn = await gql(gateway.url, QUERY, {}, { authorization: `Bearer ${await sign(SECRET)}` });
  expect(signedIn.status).toBe(200);
  expect(signedIn.data?.products.nodes).toHaveLength(1);
});

it.each([
  ['a malformed token', async () => 'not-a-jwt'],
  ['an expired token', async () => sign(SECRET, '-1m')],
  ['a forged token', async () => sign('someone-elses-secret-of-enough-length')],
])('answers %s with 401 UNAUTHENTICATED before calling any subgraph', async (_label, token) => {
  const result = await gql(gateway.url, QUERY, {}, { authorization: `Bearer ${await token()}` });
  expect(result.status).toBe(401);
  expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.data).toBeUndefined();
});

it('forwards the token: a subgraph that cannot verify it refuses it', async () => {
  const result = await gql(mismatched.url, QUERY, {}, { authorization: `Bearer ${await sign(SECRET)}` });
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(result.data?.products ?? null).toBeNull();
});

it('has each subgraph verify the token itself', async () => {
  const direct = await gql(products.url, QUERY, {}, { authorization: `Bearer ${await sign('someone-elses-secret-of-enough-length')}` });
  expect(direct.status).toBe(401);
  expect(direct.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});
