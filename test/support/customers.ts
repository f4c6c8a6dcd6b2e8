import { Role } from '#platform/auth';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createCustomersServer } from '../../subgraphs/customers/src/server';
import { createTestDatabase, type TestDatabase } from './database';
import { forgetDefaultCaller, gqlData, setDefaultCaller } from './graphql-client';
import { asAdmin, bearer, TEST_JWT_SECRET, type AuthHeaders } from './tokens';

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
      forgetDefaultCaller(`${base}/graphql`);
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

let customerCounter = 0;

/**
 * Signs a customer up through the API (with a unique email unless one is given) and returns
 * their id and headers carrying a CUSTOMER token of theirs.
 */
export async function signUpCustomer(
  harness: CustomersHarness,
  input: Record<string, unknown> = {},
): Promise<{ id: string; headers: AuthHeaders }> {
  const email = `customer-${process.pid}-${++customerCounter}@example.com`;
  const result = await gqlData(
    harness.url,
    `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { field message code } } }`,
    { input: { email, ...input } },
  );
  const { customer, userErrors } = result.customerCreate;
  if (!customer) throw new Error(`sign-up failed: ${JSON.stringify(userErrors)}`);
  return { id: customer.id, headers: await bearer(Role.CUSTOMER, { subject: customer.id }) };
}

/** Every row count of the customers schema's tables, to assert that a refused call wrote nothing. */
export async function customersSnapshot(harness: CustomersHarness): Promise<Record<string, number>> {
  const tables = ['customer', 'customer_address', 'customer_identity', 'customer_event', 'segment', 'outbox_event', 'staff_member'];
  const counts = await Promise.all(tables.map((table) => customersRows(harness, table)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]]));
}
