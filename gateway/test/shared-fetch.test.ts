import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '#platform/auth';
import { freePort } from '../../scripts/lib/free-port';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gql } from '../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../test/support/products';
import { bearer } from '../../test/support/tokens';

/**
 * Identical subgraph queries in flight share one request, through the real gateway in front of
 * the real products subgraph. Between them sits a small HTTP relay that writes down each request
 * the subgraph receives and holds it a moment, so requests made at once are in flight together.
 */

interface Received {
  authorization: string | null;
  query: string;
}

let products: ProductsHarness;
let gateway: GatewayHarness;
let relay: Server;
const received: Received[] = [];

/** Relays to the products subgraph after `HOLD_MS`, recording what the gateway sent. */
const HOLD_MS = 300;

beforeAll(async () => {
  products = await startProducts({ seed: true });
  relay = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ authorization: req.headers.authorization ?? null, query: (JSON.parse(body) as { query: string }).query });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      setTimeout(() => {
        fetch(products.url, { method: 'POST', headers, body })
          .then(async (response) => {
            res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
            res.end(await response.text());
          })
          .catch(() => res.writeHead(502).end());
      }, HOLD_MS);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const down = `http://127.0.0.1:${await freePort()}/graphql`;
  const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway({ products: relayUrl, inventory: down, orders: down, customers: down, promotions: down });
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => relay?.close(resolve));
  await products?.close();
});

beforeEach(() => void received.splice(0));

const LIST = `query List { products(first: 4) { nodes { id title handle variants(first: 2) { nodes { sku price { amount } } } } } }`;

it('asks the subgraph once for identical anonymous reads made at once, and answers each caller in full', async () => {
  const alone = await gql(gateway.url, LIST);
  expect(alone.errors).toBeUndefined();
  expect(alone.data?.products.nodes).toHaveLength(4);
  received.splice(0);

  const answers = await Promise.all(Array.from({ length: 6 }, () => gql(gateway.url, LIST)));
  expect(received).toHaveLength(1);
  for (const answer of answers) expect(answer).toEqual(alone);

  // In flight only: once answered, the same read goes to the subgraph again.
  await gql(gateway.url, LIST);
  expect(received).toHaveLength(2);
});

it('never shares between callers with different tokens, or between a token and none', async () => {
  const [ada, bob] = [await bearer(Role.ADMIN), await bearer(Role.ADMIN)];
  const answers = await Promise.all([
    gql(gateway.url, LIST, {}, ada),
    gql(gateway.url, LIST, {}, ada),
    gql(gateway.url, LIST, {}, bob),
    gql(gateway.url, LIST),
  ]);
  for (const answer of answers) expect(answer.errors).toBeUndefined();
  // Ada's two reads share one request; Bob's and the anonymous one go on their own.
  expect(received.map((r) => r.authorization).sort()).toEqual([null, ada.authorization, bob.authorization].sort());
});

it('never shares a mutation', async () => {
  const admin = await bearer(Role.ADMIN);
  const create = `mutation Create($input: CategoryCreateInput!) { categoryCreate(input: $input) { category { id name } userErrors { code } } }`;
  const input = { name: `Shared ${Date.now()}` };
  const answers = await Promise.all([gql(gateway.url, create, { input }, admin), gql(gateway.url, create, { input }, admin)]);
  expect(received.filter((r) => r.query.startsWith('mutation'))).toHaveLength(2);
  // Two requests, so two answers of their own: one category each, or one and a refusal.
  const ids = answers.map((answer) => (answer.data?.categoryCreate.category as { id: string } | null)?.id ?? null);
  expect(ids[0]).not.toEqual(ids[1]);
});
