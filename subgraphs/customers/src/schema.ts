import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, roleAuthChecker } from '../../platform/src';
import { CustomerResolver } from './resolvers/customer.resolver';
import { references } from './resolvers/references';

/** The customers subgraph schema. */
export function buildCustomersSchema(options: { enforceAuth: boolean }): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [CustomerResolver],
    references: references as never,
    authChecker: roleAuthChecker(options.enforceAuth) as never,
  });
}
