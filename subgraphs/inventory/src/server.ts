import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '../../platform/src';
import { createInventoryContext } from './context';
import { buildInventorySchema } from './schema';
import { inventorySubgraph } from './subgraph';

/** Builds the inventory subgraph without listening; the caller binds it (index.ts or a test). */
export async function createInventoryServer(config: SubgraphServerConfig): Promise<SubgraphServer> {
  const schema = await buildInventorySchema({ enforceAuth: false });
  return buildSubgraphServer(inventorySubgraph, config, schema, createInventoryContext);
}
