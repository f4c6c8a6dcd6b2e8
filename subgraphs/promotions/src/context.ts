import { entityLoader, type CurrencyCode, type RequestContext } from '../../platform/src';
import { Discount } from './entities';

export interface PromotionsSettings {
  currencyCode: CurrencyCode;
  /** The products subgraph, asked whether discount targets exist. */
  productsUrl: string;
}

/** The promotions subgraph's request context: the platform's, plus settings and DataLoaders. */
export interface PromotionsContext extends RequestContext, PromotionsSettings {
  loaders: ReturnType<typeof createPromotionsLoaders>;
}

function createPromotionsLoaders(em: RequestContext['em']) {
  return { discountById: entityLoader(em, Discount, 'id') };
}

export function createPromotionsContext(base: RequestContext, settings: PromotionsSettings): PromotionsContext {
  return { ...base, ...settings, loaders: createPromotionsLoaders(base.em) };
}
