import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Money } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { GiftCard, LoyaltyAccount } from '../entities';
import { customerGiftCards, customerLoyalty, customerStoreCredit } from '../services/customer-balances.service';
import { CustomerBalances } from '../types/customer.types';

/** Loyalty, store credit and gift cards on the customers subgraph's Customer, batched per request. */
@Resolver(() => CustomerBalances)
export class CustomerBalancesResolver {
  @FieldResolver(() => LoyaltyAccount, { description: 'Points and tier; zero points before the first purchase.' })
  loyalty(@Root() customer: CustomerBalances, @Ctx() ctx: PromotionsContext): Promise<LoyaltyAccount> {
    return customerLoyalty(ctx, customer.id);
  }

  @FieldResolver(() => Money, { description: 'Store credit available to spend.' })
  storeCredit(@Root() customer: CustomerBalances, @Ctx() ctx: PromotionsContext): Promise<Money> {
    return customerStoreCredit(ctx, customer.id);
  }

  @FieldResolver(() => [GiftCard], { description: 'Gift cards issued to this customer.' })
  giftCards(@Root() customer: CustomerBalances, @Ctx() ctx: PromotionsContext): Promise<GiftCard[]> {
    return customerGiftCards(ctx, customer.id);
  }
}
