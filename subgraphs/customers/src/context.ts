import type { CountryCode } from 'libphonenumber-js';
import type { RequestContext } from '#platform/server';
import type { SignInLimiter } from './auth/sign-in-limiter';
import { createCustomersLoaders, type CustomersLoaders } from './loaders/customers.loaders';

/** What the customers subgraph is configured with, shared by every request. */
export interface CustomersSettings {
  /** Signs the tokens this subgraph issues; null: sign-in is unavailable. */
  jwtSecret: Uint8Array | null;
  /** The inventory subgraph, asked whether a location exists. */
  inventoryUrl: string;
  /** Region national phone numbers are read in, e.g. "DE". */
  defaultPhoneRegion: CountryCode;
  customerSignIns: SignInLimiter;
  staffSignIns: SignInLimiter;
}

/** The customers subgraph's request context: the platform's, plus its settings and DataLoaders. */
export interface CustomersContext extends RequestContext {
  settings: CustomersSettings;
  loaders: CustomersLoaders;
}

export function createCustomersContext(base: RequestContext, settings: CustomersSettings): CustomersContext {
  return { ...base, settings, loaders: createCustomersLoaders(base.em) };
}
