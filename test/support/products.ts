import { Role, type ExternalTokenSettings } from '#platform/auth';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createProductsServer } from '../../subgraphs/products/src/server';
import { seedDemoCatalog } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { createTestDatabase, type TestDatabase } from './database';
import { forgetDefaultCaller, setDefaultCaller } from './graphql-client';
import { bearer, TEST_JWT_SECRET_TEXT } from './tokens';

export interface ProductsHarness {
  db: TestDatabase;
  server: SubgraphServer;
  /** The subgraph's GraphQL endpoint on a port of its own. */
  url: string;
  close(): Promise<void>;
}

/**
 * A products subgraph on a fresh database, optionally with the demo catalog, listening on a free
 * port; requests to it go out as an admin unless a test says otherwise.
 */
export async function startProducts(
  options: { seed?: boolean; jwtSecret?: string; gatewaySecret?: string; externalTokens?: ExternalTokenSettings; poolMax?: number } = {},
): Promise<ProductsHarness> {
  const db = await createTestDatabase();
  const jwtSecret = new TextEncoder().encode(options.jwtSecret ?? TEST_JWT_SECRET_TEXT);
  const server = await createProductsServer({
    databaseUrl: db.url,
    logger: createLogger('products-test', 'silent'),
    currencyCode: 'EUR',
    jwtSecret,
    externalTokens: options.externalTokens ?? null,
    gatewaySecret: options.gatewaySecret ?? null,
    poolMax: options.poolMax,
  });
  if (options.seed) await seedDemoCatalog(server.orm.em.fork(), 'EUR');
  const base = await server.listen(0);
  setDefaultCaller(`${base}/graphql`, await bearer(Role.ADMIN, {}, jwtSecret));
  return {
    db,
    server,
    url: `${base}/graphql`,
    close: async () => {
      forgetDefaultCaller(`${base}/graphql`);
      await server.close();
      await db.drop();
    },
  };
}

/** Counts the SQL statements an ORM sends while `work` runs. */
export async function countStatements(server: SubgraphServer, work: () => Promise<unknown>): Promise<number> {
  const knex = server.orm.em.getConnection().getKnex();
  let count = 0;
  const listener = () => (count += 1);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.removeListener('query', listener);
  }
  return count;
}
