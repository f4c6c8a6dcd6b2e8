import { entityLoader, type RequestContext } from '../../platform/src';
import { Location } from './entities';

/** The inventory subgraph's request context: the platform's, plus its DataLoaders. */
export interface InventoryContext extends RequestContext {
  loaders: ReturnType<typeof createInventoryLoaders>;
}

function createInventoryLoaders(em: RequestContext['em']) {
  return { locationById: entityLoader(em, Location, 'id') };
}

export function createInventoryContext(base: RequestContext): InventoryContext {
  return { ...base, loaders: createInventoryLoaders(base.em) };
}
