import type { CountryCode } from 'libphonenumber-js';
import type { SharedRateLimiter } from '#platform/db';
import type { CurrencyCode } from '#platform/graphql';
import type { InternalClient } from '#platform/internal';
import type { Mailer } from '#platform/mail';
import type { RequestContext } from '#platform/server';
import type { SignInLimiter } from './auth/sign-in-limiter';
import { createCustomersLoaders, type CustomersLoaders } from './loaders/customers.loaders';

/** What every request of the customers subgraph shares, built once in `setup`. */
export interface CustomersSettings {
  /** Signs the tokens this subgraph issues; null: sign-in is unavailable. */
  jwtSecret: Uint8Array | null;
  /** Region national phone numbers are read in, e.g. "DE". */
  defaultPhoneRegion: CountryCode;
  /** The shop's currency (SHOP_CURRENCY): amounts in segment rules are in it. */
  currencyCode: CurrencyCode;
  /** The inventory subgraph, asked whether a location exists (staff stores, kiosks). */
  inventory: InternalClient;
  customerSignIns: SignInLimiter;
  staffSignIns: SignInLimiter;
  /** Public sign-ups per client address. */
  signUps: SharedRateLimiter;
  /** "Someone tried to sign up with your details" notices per account. */
  signUpNotices: SharedRateLimiter;
  /** Mail to customers (SMTP, or files without it). */
  mailer: Mailer;
}

/** The customers subgraph's request context: the platform's, plus its settings and DataLoaders. */
export interface CustomersContext extends RequestContext {
  settings: CustomersSettings;
  loaders: CustomersLoaders;
}

/** A request's context; made again on a mutation's transaction, so the loaders read through it. */
export function createCustomersContext(base: RequestContext, settings: CustomersSettings): CustomersContext {
  return { ...base, settings, loaders: createCustomersLoaders(base.em) };
}
