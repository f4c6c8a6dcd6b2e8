import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '../../platform/src';
import { createOrdersContext } from './context';
import { buildOrdersSchema } from './schema';
import { ordersSubgraph } from './subgraph';

/** Builds the orders subgraph without listening; the caller binds it (index.ts or a test). */
export async function createOrdersServer(config: SubgraphServerConfig): Promise<SubgraphServer> {
  const schema = await buildOrdersSchema();
  return buildSubgraphServer(ordersSubgraph, config, schema, createOrdersContext);
}
