import { canAccessCustomer, requireCustomerAccess, Role } from '#platform/auth';
import { Money, type CurrencyCode } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { LoyaltyAccount, type GiftCard } from '../entities';

// Every balance is the customer's own business: readable by them and by staff only. Read
// through the request's loaders, so a page of customers costs one statement per field.

/** The customer's loyalty account; one with no points yet when none was opened. */
export async function customerLoyalty(ctx: PromotionsContext, customerId: string): Promise<LoyaltyAccount> {
  await requireOwnBalances(ctx, customerId);
  return (await ctx.loaders.loyaltyByCustomer.load(customerId)) ?? Object.assign(new LoyaltyAccount(), { customerId });
}

/** The customer's store credit; zero when none was ever issued. */
export async function customerStoreCredit(ctx: PromotionsContext, customerId: string): Promise<Money> {
  await requireOwnBalances(ctx, customerId);
  const account = await ctx.loaders.storeCreditByCustomer.load(customerId);
  return account ? Money.fromMinor(account.balance, account.currencyCode as CurrencyCode) : Money.fromMinor(0, ctx.currencyCode);
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
