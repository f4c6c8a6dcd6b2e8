import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import type { LoyaltyAccount } from '../entities';
import type { LoyaltyProgramView, LoyaltyTier } from '../types/loyalty.types';
import { tierFor } from '../rules/loyalty-points';
import { programView } from './loyalty-program.service';

/** The programme's settings as the API shows them. */
export async function loyaltyProgramSettings(ctx: PromotionsContext): Promise<LoyaltyProgramView> {
  return programView(await ctx.loaders.loyaltyProgram(), ctx.currencyCode);
}

/** Points an account earned in the last 365 days (batched across accounts). */
export function pointsEarnedLastYear(ctx: PromotionsContext, account: LoyaltyAccount): Promise<number> {
  return ctx.loaders.earnedLastYear.load(account.id);
}

/** The account's tier now. */
export async function loyaltyTier(ctx: PromotionsContext, account: LoyaltyAccount): Promise<LoyaltyTier> {
  const [program, earned] = await Promise.all([ctx.loaders.loyaltyProgram(), pointsEarnedLastYear(ctx, account)]);
  return tierFor(program, earned);
}

/** The points the order's payment earned (its EARN entry, under the key the consumer used); null when none was recorded. */
export async function pointsEarnedForOrder(ctx: PromotionsContext, orderId: string): Promise<number | null> {
  const [row] = await sql<{ points: number }>(
    ctx.em,
    `select points from "${SCHEMA}"."loyalty_entry" where idempotency_key = ? and kind = 'EARN' limit 1`,
    [`order-paid:${orderId}`],
  );
  return row ? Number(row.points) : null;
}
