import type { SharedRateLimiter } from '#platform/db';
import type { CurrencyCode } from '#platform/graphql';
import type { InternalClient } from '#platform/internal';
import type { RequestContext } from '#platform/server';
import { createPromotionsLoaders, type PromotionsLoaders } from './loaders/promotions.loaders';

/** What `setup` builds once and every request of this server shares. */
export interface PromotionsShared {
  /** The shop currency: amounts in and out are in it. */
  currencyCode: CurrencyCode;
  /** The products subgraph, asked whether the products and categories a discount targets exist. */
  products: InternalClient;
  /** The customers subgraph, asked whether segments exist and which ones a customer is in. */
  customers: InternalClient;
  /** Gift card balance lookups per caller, counted in the database so every replica agrees. */
  giftCardLookups: SharedRateLimiter;
}

/** The promotions subgraph's request context: the platform's, plus what setup shares and the DataLoaders. */
export interface PromotionsContext extends RequestContext, PromotionsShared {
  loaders: PromotionsLoaders;
}

/** Runs for every request, and again inside a mutation with the transaction's `em`: loaders are built on `base.em`. */
export function createPromotionsContext(base: RequestContext, shared: PromotionsShared): PromotionsContext {
  return { ...base, ...shared, loaders: createPromotionsLoaders(base.em) };
}
