import { canAccessCustomer, requireCustomerAccess, Role } from '#platform/auth';
import { entityListLoader, entityLoader } from '#platform/db';
import { Money } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { CustomerRedirect, GiftCard, LoyaltyAccount, StoreCreditAccount } from '../entities';

type Em = PromotionsContext['em'];

/**
 * Per-request loaders that answer a page of customers with one statement per field. Every
 * balance is the customer's own business: readable by them and by staff only.
 */
export function customerBalanceLoaders(em: Em) {
  return {
    loyaltyByCustomer: entityLoader(em, LoyaltyAccount, 'customerId'),
    redirectBySource: entityLoader(em, CustomerRedirect, 'sourceId'),
    storeCreditByCustomer: entityLoader(em, StoreCreditAccount, 'customerId'),
    giftCardsByCustomer: entityListLoader(em, GiftCard, 'customerId', { createdAt: 'asc', id: 'asc' }),
  };
}

/** The customer's loyalty account; one with no points yet when none was opened. */
export async function customerLoyalty(ctx: PromotionsContext, customerId: string): Promise<LoyaltyAccount> {
  await requireOwnBalances(ctx, customerId);
  return (await ctx.loaders.loyaltyByCustomer.load(customerId)) ?? Object.assign(new LoyaltyAccount(), { customerId });
}

/** The customer's store credit; zero when none was ever issued. */
export async function customerStoreCredit(ctx: PromotionsContext, customerId: string): Promise<Money> {
  await requireOwnBalances(ctx, customerId);
  const account = await ctx.loaders.storeCreditByCustomer.load(customerId);
  return account ? Money.fromMinor(account.balance, account.currencyCode as typeof ctx.currencyCode) : Money.fromMinor(0, ctx.currencyCode);
}

/** Gift cards issued to the customer, oldest first. */
export async function customerGiftCards(ctx: PromotionsContext, customerId: string): Promise<GiftCard[]> {
  await requireOwnBalances(ctx, customerId);
  return ctx.loaders.giftCardsByCustomer.load(customerId);
}

/**
 * The customer themselves or staff, like everywhere; a customer signed in under an id since
 * merged into this one counts as themselves, so an older token still reaches the merged balances.
 */
async function requireOwnBalances(ctx: PromotionsContext, customerId: string): Promise<void> {
  const { viewer } = ctx;
  if (canAccessCustomer(viewer, customerId)) return;
  if (viewer.role === Role.CUSTOMER && viewer.subject && (await ctx.loaders.redirectBySource.load(viewer.subject))?.targetId === customerId)
    return;
  requireCustomerAccess(viewer, customerId);
}
