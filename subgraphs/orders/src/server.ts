import { buildSubgraph, defineSubgraph, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createOrdersContext } from './context';
import { buildOrdersSchema } from './schema';
import { ordersSubgraph } from './subgraph';

/** The orders subgraph: carts, checkout, orders, payments, fulfilment, returns, POS and reports. */
export const orders = defineSubgraph({
  info: ordersSubgraph,
  schema: buildOrdersSchema,
  settings: () => ({}),
  setup: () => createOrdersContext,
});

/** Builds the orders subgraph without listening; the caller binds it (index.ts or a test). */
export function createOrdersServer(config: SubgraphServerConfig): Promise<SubgraphServer> {
  return buildSubgraph(orders, config);
}
