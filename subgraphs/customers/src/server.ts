import type { CountryCode } from 'libphonenumber-js';
import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter, type SignInLimits } from './auth/sign-in-limiter';
import { createCustomersContext, type CustomersSettings } from './context';
import { buildCustomersSchema } from './schema';
import { customersSubgraph } from './subgraph';

export interface CustomersServerConfig extends SubgraphServerConfig {
  /** The inventory subgraph's GraphQL endpoint, asked whether a location exists. */
  inventoryUrl: string;
  /** Region national phone numbers are read in; "DE" unless set. */
  defaultPhoneRegion?: CountryCode;
  signInLimits?: SignInLimits;
}

/** Builds the customers subgraph without listening; the caller binds it (index.ts or a test). */
export async function createCustomersServer(config: CustomersServerConfig): Promise<SubgraphServer> {
  const schema = await buildCustomersSchema();
  const limits = config.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
  // Sign-in limits count in the database, which is open only once the server is built; the
  // settings are complete before the server listens, so no request sees them half-made.
  let settings: CustomersSettings | null = null;
  const server = await buildSubgraphServer(customersSubgraph, config, schema, (base) =>
    createCustomersContext(base, settings as CustomersSettings),
  );
  settings = {
    jwtSecret: config.jwtSecret ?? null,
    inventoryUrl: config.inventoryUrl,
    defaultPhoneRegion: config.defaultPhoneRegion ?? 'DE',
    customerSignIns: new SignInLimiter(server.orm, 'customer', limits),
    staffSignIns: new SignInLimiter(server.orm, 'staff', limits),
  };
  return server;
}
