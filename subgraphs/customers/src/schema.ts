import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, RoleAuthChecker } from '../../platform/src';
import { CustomerResolver } from './resolvers/customer.resolver';
import { references } from './resolvers/references';

/** The customers subgraph schema. */
export function buildCustomersSchema(options: { enforceAuth: boolean }): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [CustomerResolver],
    references: references as never,
    authChecker: new RoleAuthChecker(options.enforceAuth) as never,
  });
}
