import type * as ApolloCore from '@apollo/client/core' with { 'resolution-mode': 'import' };
import type * as ApolloSubscriptions from '@apollo/client/link/subscriptions' with { 'resolution-mode': 'import' };
import type * as ApolloUtilities from '@apollo/client/utilities' with { 'resolution-mode': 'import' };
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startGateway, type GatewayHarness } from './support/gateway';
import { gqlData } from './support/graphql-client';
import { ADJUST_STOCK } from './support/documents';
import { startSupergraph, type SupergraphHarness } from './support/supergraph';
import { asAdmin } from './support/tokens';

// Apollo Client 3 marks its entry points as ES modules but ships CommonJS builds (`main`), which jest loads.
/* eslint-disable @typescript-eslint/no-require-imports */
const { ApolloClient, HttpLink, InMemoryCache, gql: apolloGql, split } = require('@apollo/client/core') as typeof ApolloCore;
const { GraphQLWsLink } = require('@apollo/client/link/subscriptions') as typeof ApolloSubscriptions;
const { getMainDefinition } = require('@apollo/client/utilities') as typeof ApolloUtilities;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * A storefront on Apollo Client, with InMemoryCache and no type policies, against the real
 * gateway: a product page, then a stock change by mutation and one by subscription. The cached
 * page shows the new quantity without another request, and the cache warns about nothing.
 */
let system: SupergraphHarness;
let gateway: GatewayHarness;
beforeAll(async () => {
  system = await startSupergraph();
  gateway = await startGateway(system.urls, { gatewaySecret: system.gatewaySecret, live: { databaseUrl: system.db.url } });
  // Seeding the whole demo shop takes a while on a busy machine.
}, 180_000);
afterAll(async () => {
  await gateway?.close();
  await system?.close();
});

const PRODUCT_PAGE = apolloGql`
  query ProductPage($handle: String!) {
    product(handle: $handle) {
      id title
      variants(first: 5) { nodes { id sku inventory { id onHand available levels { id onHand available location { id name } } } } }
    }
  }
`;
const ADJUST = apolloGql`
  mutation Adjust($input: InventoryAdjustInput!) {
    inventoryAdjust(input: $input) { inventoryLevel { id onHand reserved available version } userErrors { field code message } }
  }
`;
const SHELF = apolloGql`
  subscription Shelf($skus: [String!], $store: ID!) {
    stockChanged(skus: $skus, locationIds: [$store]) { kind levelId level { id onHand reserved available version } }
  }
`;

type Page = {
  product: {
    variants: { nodes: { sku: string; inventory: { levels: { id: string; onHand: number; location: { id: string } }[] } }[] };
  };
};

it('updates a cached product page from a mutation and from live stock, with no extra request and no warning', async () => {
  const warnings: unknown[][] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void warnings.push(args));
  let requests = 0;
  const authorization = (await asAdmin()).authorization;
  const http = new HttpLink({
    uri: gateway.url,
    headers: { authorization },
    fetch: (input, init) => {
      requests += 1;
      return fetch(input, init);
    },
  });
  const ws = new GraphQLWsLink(createClient({ url: gateway.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 }));
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    ws,
    http,
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  try {
    const { products } = await gqlData(system.gateway.url, `{ products(first: 1, sortKey: TITLE) { nodes { handle } } }`);
    const handle = products.nodes[0].handle as string;
    const page = await client.query<Page>({ query: PRODUCT_PAGE, variables: { handle } });
    const variant = page.data.product.variants.nodes[0];
    const level = variant.inventory.levels[0];
    const cached = () =>
      client.readQuery<Page>({ query: PRODUCT_PAGE, variables: { handle } })!.product.variants.nodes[0].inventory.levels[0].onHand;
    expect(requests).toBe(1);

    // A mutation answers the level it changed; the cached page shows it.
    const adjusted = await client.mutate({
      mutation: ADJUST,
      variables: { input: { sku: variant.sku, locationId: level.location.id, delta: 4, reason: 'RECEIVED' } },
    });
    expect(adjusted.data.inventoryAdjust.userErrors).toEqual([]);
    expect(requests).toBe(2);
    expect(cached()).toBe(level.onHand + 4);

    // A live change names its level: the cached page follows it.
    const items: { kind: string; levelId: string }[] = [];
    const subscription = client
      .subscribe({ query: SHELF, variables: { skus: [variant.sku], store: level.location.id } })
      .subscribe({ next: (result) => items.push(result.data.stockChanged) });
    try {
      await until(() => items.length >= 1);
      expect(items[0]).toMatchObject({ kind: 'SNAPSHOT', levelId: level.id });
      const other = await gqlData(
        system.gateway.url,
        ADJUST_STOCK,
        { input: { sku: variant.sku, locationId: level.location.id, delta: -1, reason: 'SALE' } },
        await asAdmin(),
      );
      expect(other.inventoryAdjust.userErrors).toEqual([]);
      await until(() => items.some((item) => item.kind === 'CHANGE'));
      await until(() => cached() === level.onHand + 3);
    } finally {
      subscription.unsubscribe();
    }
    expect(requests).toBe(2);
    expect(warnings).toEqual([]);
  } finally {
    client.stop();
    warn.mockRestore();
    error.mockRestore();
  }
});

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
