import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '../../platform/src';
import { createCustomersContext } from './context';
import { buildCustomersSchema } from './schema';
import { customersSubgraph } from './subgraph';

/** Builds the customers subgraph without listening; the caller binds it (index.ts or a test). */
export async function createCustomersServer(config: SubgraphServerConfig): Promise<SubgraphServer> {
  const schema = await buildCustomersSchema({ enforceAuth: false });
  return buildSubgraphServer(customersSubgraph, config, schema, createCustomersContext);
}
