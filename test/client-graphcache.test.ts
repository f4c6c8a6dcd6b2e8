import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, fetchExchange, type AnyVariables, type DocumentInput } from '@urql/core';
import { cacheExchange, type KeyingConfig } from '@urql/exchange-graphcache';
import { buildSchema, isObjectType, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { repoRoot, schemaDir } from '../scripts/lib/paths';
import { startSupergraph, type SupergraphHarness } from './support/supergraph';
import { asAdmin } from './support/tokens';

/**
 * A storefront on urql with Graphcache, set up as the README says (entities keyed by `id`, every
 * id-less object type embedded), runs the README's own operations against the real gateway: not
 * one "Invalid key" warning, and a stock adjustment updates the cached product page in place.
 */
let system: SupergraphHarness;
beforeAll(async () => {
  system = await startSupergraph();
}, 180_000);
afterAll(async () => {
  await system?.close();
});

/** The README's operations, by name. */
const readmeOperations = new Map<string, DocumentNode>(
  [...readFileSync(join(repoRoot, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((match) =>
    parse(match[1])
      .definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && !!definition.name,
      )
      .map((definition) => [definition.name!.value, { kind: Kind.DOCUMENT, definitions: [definition] }]),
  ),
);
function readme(name: string): DocumentInput<any, AnyVariables> {
  const document = readmeOperations.get(name);
  if (!document) throw new Error(`The README has no operation ${name}`);
  return document;
}

/** "Tell it the id-less types are embedded: one entry per object type in schema/api.graphql without an id field." */
function embeddedKeys(): KeyingConfig {
  const schema = buildSchema(readFileSync(join(schemaDir, 'api.graphql'), 'utf8'));
  const idLess = Object.values(schema.getTypeMap()).filter(
    (type) =>
      isObjectType(type) &&
      !type.name.startsWith('__') &&
      !('id' in type.getFields()) &&
      !['Query', 'Mutation', 'Subscription'].includes(type.name),
  );
  return Object.fromEntries(idLess.map((type) => [type.name, () => null]));
}

it('runs the README operations with no Invalid key warning, and a stock change updates the cached page', async () => {
  const warnings: string[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  let requests = 0;
  const { authorization } = await asAdmin();
  const client = new Client({
    url: system.gateway.url,
    exchanges: [cacheExchange({ keys: embeddedKeys() }), fetchExchange],
    // urql sends queries as GET; the gateway's CSRF protection wants this header on them (README).
    fetchOptions: { headers: { authorization, 'apollo-require-preflight': 'true' } },
    fetch: (input, init) => {
      requests += 1;
      return fetch(input, init);
    },
  });
  try {
    for (const name of ['Storefront', 'Till', 'Backoffice']) {
      const result = await client.query(readme(name), {}).toPromise();
      expect(result.error).toBeUndefined();
    }
    const created = await client.mutation(readme('CartCreate'), {}).toPromise();
    expect(created.error).toBeUndefined();
    expect(created.data.cartCreate.userErrors).toEqual([]);
    const cart = await client.query(readme('Cart'), { id: created.data.cartCreate.cart.id }).toPromise();
    expect(cart.error).toBeUndefined();
    expect(cart.data.cart.lines.nodes).toHaveLength(1);

    const page = await client.query(readme('ProductPage'), {}).toPromise();
    expect(page.error).toBeUndefined();
    const variant = page.data.product.variants.nodes[0];
    const level = variant.inventory.levels[0];
    const before = requests;

    const adjusted = await client
      .mutation(readme('Adjust'), {
        input: { sku: variant.sku, locationId: level.location.id, delta: 5, reason: 'RECEIVED' },
        key: `graphcache-${Date.now()}`,
      })
      .toPromise();
    expect(adjusted.error).toBeUndefined();
    expect(adjusted.data.inventoryAdjust.userErrors).toEqual([]);
    expect(adjusted.data.inventoryAdjust.inventoryLevel.id).toBe(level.id);
    expect(requests).toBe(before + 1);

    // The page, read from the cache alone, shows the level the mutation answered.
    const cached = await client.query(readme('ProductPage'), {}, { requestPolicy: 'cache-only' }).toPromise();
    const cachedLevel = cached.data.product.variants.nodes[0].inventory.levels.find((l: { id: string }) => l.id === level.id);
    expect(cachedLevel.available).toBe(level.available + 5);
    expect(requests).toBe(before + 1);

    expect(warnings.filter((w) => /invalid key/i.test(w))).toEqual([]);
    expect(warnings).toEqual([]);
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
});
