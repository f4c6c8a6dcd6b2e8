import DataLoader from 'dataloader';
import { entityLoader, Money, requireCustomerAccess } from '../../../platform/src';
import type { PromotionsContext } from '../context';
import { GiftCard, LoyaltyAccount, StoreCreditAccount } from '../entities';

type Em = PromotionsContext['em'];

/**
 * Per-request loaders that answer a page of customers with one statement per field. Every
 * balance is the customer's own business: readable by them and by staff only.
 */
export function customerBalanceLoaders(em: Em) {
  return {
    loyaltyByCustomer: entityLoader(em, LoyaltyAccount, 'customerId'),
    storeCreditByCustomer: entityLoader(em, StoreCreditAccount, 'customerId'),
    giftCardsByCustomer: new DataLoader<string, GiftCard[]>(async (customerIds) => {
      const cards = await em.find(GiftCard, { customerId: { $in: [...customerIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return customerIds.map((id) => cards.filter((card) => card.customerId === id));
    }),
  };
}

/** The customer's loyalty account; one with no points yet when none was opened. */
export async function customerLoyalty(ctx: PromotionsContext, customerId: string): Promise<LoyaltyAccount> {
  requireCustomerAccess(ctx.viewer, customerId);
  return (await ctx.loaders.loyaltyByCustomer.load(customerId)) ?? Object.assign(new LoyaltyAccount(), { customerId });
}

/** The customer's store credit; zero when none was ever issued. */
export async function customerStoreCredit(ctx: PromotionsContext, customerId: string): Promise<Money> {
  requireCustomerAccess(ctx.viewer, customerId);
  const account = await ctx.loaders.storeCreditByCustomer.load(customerId);
  return account ? Money.fromMinor(account.balance, account.currencyCode as typeof ctx.currencyCode) : Money.fromMinor(0, ctx.currencyCode);
}

/** Gift cards issued to the customer, oldest first. */
export async function customerGiftCards(ctx: PromotionsContext, customerId: string): Promise<GiftCard[]> {
  requireCustomerAccess(ctx.viewer, customerId);
  return ctx.loaders.giftCardsByCustomer.load(customerId);
}
