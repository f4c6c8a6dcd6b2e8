import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, roleAuthChecker } from '../../platform/src';
import { CustomerAccountResolver } from './resolvers/customer-account.resolver';
import { CustomerResolver } from './resolvers/customer.resolver';
import { references } from './resolvers/references';
import { StaffResolver } from './resolvers/staff.resolver';

/** The customers subgraph schema: customers, sign-in, staff and kiosk tokens. */
export function buildCustomersSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [CustomerResolver, CustomerAccountResolver, StaffResolver],
    references: references as never,
    authChecker: roleAuthChecker as never,
  });
}
