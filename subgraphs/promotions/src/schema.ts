import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, roleAuthChecker } from '../../platform/src';
import { DiscountResolver } from './resolvers/discount.resolver';
import { EvaluationResolver } from './resolvers/evaluation.resolver';
import { RedemptionResolver } from './resolvers/redemption.resolver';
import { references } from './resolvers/references';

/** The promotions subgraph schema. */
export function buildPromotionsSchema(options: { enforceAuth: boolean }): Promise<GraphQLSchema> {
  return buildSubgraphSchema({
    resolvers: [DiscountResolver, RedemptionResolver, EvaluationResolver],
    references: references as never,
    authChecker: roleAuthChecker(options.enforceAuth) as never,
  });
}
