import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, roleAuthChecker } from '../../platform/src';
import { LocationResolver } from './resolvers/location.resolver';
import { references } from './resolvers/references';

/** The inventory subgraph schema. */
export function buildInventorySchema(options: { enforceAuth: boolean }): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [LocationResolver],
    references: references as never,
    authChecker: roleAuthChecker(options.enforceAuth) as never,
  });
}
