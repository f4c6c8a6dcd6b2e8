import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '#platform/graphql';
import { promotionsUserErrorCodes } from './errors';
import type { PromotionsContext } from './context';
import { CustomerBalancesResolver } from './resolvers/customer-balances.resolver';
import { DiscountResolver } from './resolvers/discount.resolver';
import { EvaluationResolver } from './resolvers/evaluation.resolver';
import { RedemptionResolver } from './resolvers/redemption.resolver';
import { GiftCardLedgerResolver } from './resolvers/gift-card-ledger.resolver';
import { GiftCardResolver } from './resolvers/gift-card.resolver';
import { LoyaltyResolver } from './resolvers/loyalty.resolver';
import { references } from './resolvers/references';
import { LoyaltyProgramIdResolver } from './resolvers/client-ids.resolver';
import { StoreCreditEntryResolver, StoreCreditResolver } from './resolvers/store-credit.resolver';
import { CustomerBalances } from './types/customer.types';

/** The promotions subgraph schema. */
export function buildPromotionsSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema<PromotionsContext>({
    resolvers: [
      DiscountResolver,
      RedemptionResolver,
      EvaluationResolver,
      StoreCreditResolver,
      StoreCreditEntryResolver,
      GiftCardResolver,
      GiftCardLedgerResolver,
      LoyaltyResolver,
      CustomerBalancesResolver,
      LoyaltyProgramIdResolver,
    ],
    // Reached only through federation, so not from any query: name it.
    orphanedTypes: [CustomerBalances],
    references,
    userErrorCodes: promotionsUserErrorCodes,
  });
}
