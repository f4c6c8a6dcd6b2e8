import { entityLoader, type RequestContext } from '../../platform/src';
import { Discount } from './entities';

/** The promotions subgraph's request context: the platform's, plus its DataLoaders. */
export interface PromotionsContext extends RequestContext {
  loaders: ReturnType<typeof createPromotionsLoaders>;
}

function createPromotionsLoaders(em: RequestContext['em']) {
  return { discountById: entityLoader(em, Discount, 'id') };
}

export function createPromotionsContext(base: RequestContext): PromotionsContext {
  return { ...base, loaders: createPromotionsLoaders(base.em) };
}
