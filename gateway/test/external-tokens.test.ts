import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { Role } from '#platform/auth';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gql } from '../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../test/support/products';
import { asService } from '../../test/support/tokens';

/**
 * An external identity provider (RS256 keys published as a JWKS) signs tokens the gateway and
 * the subgraphs accept alongside the platform's own HS256 tokens.
 */
const ISSUER = 'https://id.velocity.example/';
const AUDIENCE = 'commerce-api';
const ROLE_CLAIM = 'https://velocity.example/role';
let jwks: Server;
let jwksUrl: string;
let providerKey: KeyLike;
let strangerKey: KeyLike;
let products: ProductsHarness;
let gateway: GatewayHarness;

beforeAll(async () => {
  const provider = await generateKeyPair('RS256', { extractable: true });
  providerKey = provider.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const published: JWK = { ...(await exportJWK(provider.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [published] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  const externalTokens = { jwksUrl, issuer: ISSUER, audience: AUDIENCE, roleClaim: ROLE_CLAIM };
  products = await startProducts({ seed: true, externalTokens });
  gateway = await startGateway({ products: products.url }, { externalTokens });
});
afterAll(async () => {
  await gateway?.close();
  await products?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

function providerToken(claims: Record<string, unknown>, options: { key?: KeyLike; issuer?: string; audience?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setSubject('idp|user-1')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(options.key ?? providerKey);
}

const CREATE = `mutation($sku: String!) { productCreate(input: { title: "Provider Pump", variants: [{ sku: $sku, price: { amount: "9.90" } }] }) { product { id } userErrors { code } } }`;
const create = async (token: string, sku: string) => gql(gateway.url, CREATE, { sku }, { authorization: `Bearer ${token}` });

it('accepts a provider token and reads the role from its namespaced claim', async () => {
  const manager = await create(await providerToken({ [ROLE_CLAIM]: Role.MANAGER }), 'IDP-1');
  expect(manager.errors).toBeUndefined();
  expect(manager.data?.productCreate.userErrors).toEqual([]);
  const customer = await create(await providerToken({ [ROLE_CLAIM]: Role.CUSTOMER }), 'IDP-2');
  expect(customer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

it.each([
  ['signed with a key the provider does not publish', () => providerToken({ [ROLE_CLAIM]: Role.MANAGER }, { key: strangerKey })],
  ['from another issuer', () => providerToken({ [ROLE_CLAIM]: Role.MANAGER }, { issuer: 'https://evil.example/' })],
  ['for another audience', () => providerToken({ [ROLE_CLAIM]: Role.MANAGER }, { audience: 'someone-else' })],
  ['claiming the SERVICE role', () => providerToken({ [ROLE_CLAIM]: Role.SERVICE })],
  ['naming no role', () => providerToken({ role: Role.MANAGER })],
])('refuses a provider token %s with 401, at the gateway and at the subgraph', async (_label, token) => {
  const bad = await token();
  for (const url of [gateway.url, products.url]) {
    const result = await gql(url, CREATE, { sku: 'IDP-BAD' }, { authorization: `Bearer ${bad}` });
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  }
});

it('refuses an unsigned token ("alg": "none"), at the gateway and at the subgraph', async () => {
  const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
  const body = Buffer.from(
    JSON.stringify({ [ROLE_CLAIM]: Role.ADMIN, role: Role.ADMIN, exp: Math.floor(Date.now() / 1000) + 600 }),
  ).toString('base64url');
  for (const url of [gateway.url, products.url]) {
    const result = await gql(url, '{ products(first: 1) { nodes { id } } }', {}, { authorization: `Bearer ${header}.${body}.` });
    expect(result.status).toBe(401);
  }
});

it('refuses a service token from a client at the gateway, while subgraphs accept it from each other', async () => {
  const service = await asService();
  const atGateway = await gql(gateway.url, '{ products(first: 1) { nodes { id } } }', {}, service);
  expect(atGateway.status).toBe(401);
  expect(atGateway.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const direct = await gql(products.url, '{ products(first: 1) { nodes { id } } }', {}, service);
  expect(direct.data?.products.nodes).toHaveLength(1);
});
