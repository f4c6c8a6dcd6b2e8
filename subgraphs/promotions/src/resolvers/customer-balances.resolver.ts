import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Money } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { GiftCard, LoyaltyAccount } from '../entities';
import { customerGiftCards, customerLoyalty, customerStoreCredit } from '../services/customer-balances.service';
import { CustomerBalances } from '../types/customer.types';

/** Loyalty, store credit and gift cards on the customers subgraph's Customer, batched per request. */
@Resolver(() => CustomerBalances)
export class CustomerBalancesResolver {
  @FieldResolver(() => LoyaltyAccount, {
    nullable: true,
    description: 'Points and tier; zero points before the first purchase; null (with an error) while promotions cannot be reached.',
  })
  loyalty(@Root() customer: CustomerBalances, @Ctx() ctx: PromotionsContext): Promise<LoyaltyAccount> {
    return customerLoyalty(ctx, customer.id);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'Store credit available to spend; null (with an error) while promotions cannot be reached.',
  })
  storeCredit(@Root() customer: CustomerBalances, @Ctx() ctx: PromotionsContext): Promise<Money> {
    return customerStoreCredit(ctx, customer.id);
  }

  @FieldResolver(() => [GiftCard], {
    nullable: true,
    description: 'Gift cards issued to this customer; null (with an error) while promotions cannot be reached.',
  })
  giftCards(@Root() customer: CustomerBalances, @Ctx() ctx: PromotionsContext): Promise<GiftCard[]> {
    return customerGiftCards(ctx, customer.id);
  }
}
