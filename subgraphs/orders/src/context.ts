import { entityLoader } from '#platform/db';
import type { RequestContext } from '#platform/server';
import { Cart, Order } from './entities';

/** The orders subgraph's request context: the platform's, plus its DataLoaders. */
export interface OrdersContext extends RequestContext {
  loaders: ReturnType<typeof createOrdersLoaders>;
}

function createOrdersLoaders(em: RequestContext['em']) {
  return { orderById: entityLoader(em, Order, 'id'), cartById: entityLoader(em, Cart, 'id') };
}

export function createOrdersContext(base: RequestContext): OrdersContext {
  return { ...base, loaders: createOrdersLoaders(base.em) };
}
