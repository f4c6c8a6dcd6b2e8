import { request } from 'node:http';
import { createLogger } from '#platform/runtime';
import { createPromotionsServer } from '../src/server';
import { gql } from '../../../test/support/graphql-client';
import { TEST_JWT_SECRET } from '../../../test/support/tokens';
import { startGateway, type GatewayHarness } from '../../../test/support/gateway';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';

/**
 * Through the gateway, each client is limited on its own address: the gateway sends the
 * client's socket address on, and ignores an x-forwarded-for the client made up.
 */
let promos: PromotionsHarness;
let gateway: GatewayHarness;

beforeAll(async () => {
  promos = await startPromotions();
  gateway = await startGateway({ products: promos.products.url, promotions: promos.url });
});
afterAll(async () => {
  await gateway?.close();
  await promos?.close();
});

/** POSTs from a chosen loopback address, as a distinct client would. */
function lookupFrom(
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<{ errors?: { extensions?: { code?: string } }[] }> {
  const body = JSON.stringify({ query: '{ giftCardBalance(code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ") { amount } }' });
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

it('limits each client on its own address, whatever x-forwarded-for it sends', async () => {
  const codes = async (address: string, n: number, headers?: Record<string, string>) =>
    Promise.all(Array.from({ length: n }, () => lookupFrom(address, headers))).then((results) =>
      results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK'),
    );
  const first = await codes('127.0.0.2', 15, { 'x-forwarded-for': '203.0.113.9' });
  expect(first.filter((c) => c === 'OK')).toHaveLength(10);
  expect(first.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
  expect(await codes('127.0.0.3', 1)).toEqual(['OK']);
  expect(await codes('127.0.0.2', 1, { 'x-forwarded-for': '198.51.100.7' })).toEqual(['RATE_LIMITED']);
});

it('holds a caller to one limit across replicas of the promotions subgraph', async () => {
  const replica = await createPromotionsServer({
    databaseUrl: promos.products.db.url,
    productsUrl: promos.products.url,
    customersUrl: 'http://127.0.0.1:9/graphql',
    currencyCode: 'EUR',
    logger: createLogger('promotions-replica', 'silent'),
    jwtSecret: TEST_JWT_SECRET,
    redemptionSweepMs: 0,
  });
  const replicaUrl = `${await replica.listen(0)}/graphql`;
  try {
    const caller = { 'x-forwarded-for': '192.0.2.77' };
    const query = '{ giftCardBalance(code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ") { amount } }';
    const codes: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const result = await gql(i % 2 === 0 ? promos.url : replicaUrl, query, {}, caller);
      codes.push((result.errors?.[0]?.extensions?.code as string) ?? 'OK');
    }
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  } finally {
    await replica.close();
  }
});
