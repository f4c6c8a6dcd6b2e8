import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '#platform/graphql';
import type { OrdersContext } from './context';
import { OrderResolver } from './resolvers/order.resolver';
import { OrderFieldsResolver } from './resolvers/order-fields.resolver';
import { references } from './resolvers/references';

/** The orders subgraph schema. */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema<OrdersContext>({ resolvers: [OrderResolver, OrderFieldsResolver], references });
}
