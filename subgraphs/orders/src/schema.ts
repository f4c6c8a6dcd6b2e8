import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, roleAuthChecker } from '../../platform/src';
import { OrderResolver } from './resolvers/order.resolver';
import { references } from './resolvers/references';

/** The orders subgraph schema. */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [OrderResolver],
    references: references as never,
    authChecker: roleAuthChecker as never,
  });
}
