import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { createLogger } from '#platform/runtime';
import { schemaDir } from '../../scripts/lib/paths';
import { createGatewayServer, type GatewayServer } from '../src/server';
import { watchSupergraph, type SupergraphSource } from '../src/supergraph';
import { gql } from '../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../test/support/products';

/** A deploy writes a new supergraph file: the running gateway serves it without a restart. */
let dir: string;
let products: ProductsHarness;
let source: SupergraphSource;
let gateway: GatewayServer;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'supergraph-'));
  products = await startProducts({ seed: true });
  const composed = composeServices([
    {
      name: 'products',
      url: 'http://127.0.0.1:4001/graphql',
      typeDefs: parse(await readFile(join(schemaDir, 'products.graphql'), 'utf8')),
    },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  await writeFile(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  source = await watchSupergraph(join(dir, 'supergraph.graphql'), () => {}, 100);
  gateway = await createGatewayServer({
    supergraph: source,
    subgraphUrls: { products: products.url },
    timeoutMs: 5_000,
    logger: createLogger('reload-test', 'silent'),
    landingPage: false,
  });
  url = `${await gateway.listen(0)}/graphql`;
});
afterAll(async () => {
  source?.close();
  await gateway?.close();
  await products?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The type of that name in the schema the gateway serves now (null when it has none); any error fails the test with it. */
async function typeNamed(name: string): Promise<unknown> {
  const response = await gql(url, `query ($name: String!) { __type(name: $name) { name } }`, { name });
  expect(response.errors).toBeUndefined();
  return response.data?.__type;
}

it('switches to a new supergraph file while running', async () => {
  // A type only inventory declares (products references Location for node(id:)).
  const hasLocation = () => typeNamed('StockMovement');
  expect(await hasLocation()).toBeNull();
  expect((await gql(url, `{ products(first: 1) { nodes { title } } }`)).data?.products.nodes).toHaveLength(1);

  await copyFile(join(schemaDir, 'supergraph.graphql'), join(dir, 'supergraph.graphql'));
  const deadline = Date.now() + 5_000;
  while (!(await hasLocation()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await hasLocation()).toEqual({ name: 'StockMovement' });
  expect((await gql(url, `{ products(first: 1) { nodes { title } } }`)).data?.products.nodes).toHaveLength(1);
});

it('keeps serving the previous supergraph when the new file is invalid', async () => {
  await writeFile(join(dir, 'supergraph.graphql'), 'this is not a supergraph');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await typeNamed('Location')).toEqual({ name: 'Location' });
});
