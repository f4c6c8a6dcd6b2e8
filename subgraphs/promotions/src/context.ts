import { entityLoader, type SharedRateLimiter } from '#platform/db';
import type { CurrencyCode } from '#platform/graphql';
import type { RequestContext } from '#platform/server';
import { Discount, type LoyaltyProgram } from './entities';
import { customerBalanceLoaders } from './services/customer-balances.service';
import { earnedLastYearLoader, loadLoyaltyProgram } from './services/loyalty-program.service';

export interface PromotionsSettings {
  currencyCode: CurrencyCode;
  /** The products subgraph, asked whether discount targets exist. */
  productsUrl: string;
  /** The customers subgraph, asked whether segments exist and which a customer is in. */
  customersUrl: string;
}

/** The promotions subgraph's request context: the platform's, plus settings and DataLoaders. */
export interface PromotionsContext extends RequestContext, PromotionsSettings {
  loaders: ReturnType<typeof createPromotionsLoaders>;
  /** Who is calling, for per-caller rate limits. */
  callerAddress: string;
  /** Shared by all requests of this server. */
  giftCardLookups: SharedRateLimiter;
}

function createPromotionsLoaders(em: RequestContext['em']) {
  let program: Promise<LoyaltyProgram> | undefined;
  return {
    discountById: entityLoader(em, Discount, 'id'),
    ...customerBalanceLoaders(em),
    earnedLastYear: earnedLastYearLoader(em),
    /** Read once per request. */
    loyaltyProgram: () => (program ??= loadLoyaltyProgram(em)),
  };
}

export function createPromotionsContext(
  base: RequestContext,
  settings: PromotionsSettings,
  giftCardLookups: SharedRateLimiter,
): PromotionsContext {
  return { ...base, ...settings, loaders: createPromotionsLoaders(base.em), callerAddress: base.clientAddress, giftCardLookups };
}
