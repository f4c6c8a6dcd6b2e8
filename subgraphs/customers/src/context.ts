import { entityLoader, type RequestContext } from '../../platform/src';
import { Customer } from './entities';

/** The customers subgraph's request context: the platform's, plus its DataLoaders. */
export interface CustomersContext extends RequestContext {
  loaders: ReturnType<typeof createCustomersLoaders>;
}

function createCustomersLoaders(em: RequestContext['em']) {
  return { customerById: entityLoader(em, Customer, 'id') };
}

export function createCustomersContext(base: RequestContext): CustomersContext {
  return { ...base, loaders: createCustomersLoaders(base.em) };
}
