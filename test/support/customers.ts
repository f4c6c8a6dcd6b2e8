import { createLogger, type SubgraphServer } from '../../subgraphs/platform/src';
import { createCustomersServer } from '../../subgraphs/customers/src/server';
import { createTestDatabase, type TestDatabase } from './database';
import { setDefaultCaller } from './graphql-client';
import { asAdmin, TEST_JWT_SECRET } from './tokens';

export { TEST_JWT_SECRET };

export interface CustomersHarness {
  db: TestDatabase;
  server: SubgraphServer;
  /** The subgraph's GraphQL endpoint on a port of its own. */
  url: string;
  close(): Promise<void>;
}

/**
 * A customers subgraph on a fresh database, listening on a free port. `inventoryUrl` is where
 * locations are checked (kiosk tokens, staff stores); by default nothing listens there.
 */
export async function startCustomers(options: { inventoryUrl?: string } = {}): Promise<CustomersHarness> {
  const db = await createTestDatabase();
  const server = await createCustomersServer({
    databaseUrl: db.url,
    logger: createLogger('customers-test', 'silent'),
    jwtSecret: TEST_JWT_SECRET,
    inventoryUrl: options.inventoryUrl ?? 'http://127.0.0.1:9/graphql',
    defaultPhoneRegion: 'DE',
  });
  const base = await server.listen(0);
  setDefaultCaller(`${base}/graphql`, await asAdmin());
  return {
    db,
    server,
    url: `${base}/graphql`,
    close: async () => {
      await server.close();
      await db.drop();
    },
  };
}

/** Rows of a table in the customers schema, for asserting what was (not) written. */
export async function customersRows(harness: CustomersHarness, table: string): Promise<number> {
  const row = await harness.server.orm.em.getConnection().getKnex()(`customers.${table}`).count({ n: '*' }).first();
  return Number(row?.n);
}
