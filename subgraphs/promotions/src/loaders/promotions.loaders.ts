import DataLoader from 'dataloader';
import { entityListLoader, entityLoader, sql } from '#platform/db';
import type { RequestContext } from '#platform/server';
import { SCHEMA } from '../constants';
import {
  CustomerRedirect,
  Discount,
  GiftCard,
  LoyaltyAccount,
  LoyaltyEntryKind,
  StoreCreditAccount,
  type LoyaltyProgram,
} from '../entities';
import { loadLoyaltyProgram } from '../services/loyalty-program.service';

type Em = RequestContext['em'];

/**
 * Every DataLoader of a promotions request, built on one EntityManager (the request's, or inside
 * a mutation the transaction's): a page of customers costs one statement per balance field.
 */
export function createPromotionsLoaders(em: Em) {
  let program: Promise<LoyaltyProgram> | undefined;
  return {
    discountById: entityLoader(em, Discount, 'id'),
    loyaltyByCustomer: entityLoader(em, LoyaltyAccount, 'customerId'),
    redirectBySource: entityLoader(em, CustomerRedirect, 'sourceId'),
    storeCreditByCustomer: entityLoader(em, StoreCreditAccount, 'customerId'),
    giftCardsByCustomer: entityListLoader(em, GiftCard, 'customerId', { createdAt: 'asc', id: 'asc' }),
    earnedLastYear: earnedLastYearLoader(em),
    /** The programme's settings, read once per request. */
    loyaltyProgram: () => (program ??= loadLoyaltyProgram(em)),
  };
}

export type PromotionsLoaders = ReturnType<typeof createPromotionsLoaders>;

/** Points earned in the last 365 days, for many accounts in one statement. */
function earnedLastYearLoader(em: Em): DataLoader<string, number> {
  return new DataLoader(async (accountIds) => {
    const rows = await sql<{ account_id: string; earned: string }>(
      em,
      `select account_id, sum(points) as earned from ${SCHEMA}.loyalty_entry
       where account_id = any(?::uuid[]) and kind = ? and created_at > now() - interval '365 days' group by account_id`,
      [[...accountIds], LoyaltyEntryKind.EARN],
    );
    const earned = new Map(rows.map((r) => [r.account_id, Number(r.earned)]));
    return accountIds.map((id) => earned.get(id) ?? 0);
  });
}
