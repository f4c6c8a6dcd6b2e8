import { LockMode } from '@mikro-orm/core';
import { idempotent, isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { Discount, DiscountRedemption, RedemptionStatus } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import { DEFAULT_HOLD_SECONDS, type DiscountRedemptionReserveInput } from '../inputs/redemption.input';

/** The redemption statuses that take one of a discount's uses. */
export const HOLDING_STATUSES = [RedemptionStatus.RESERVED, RedemptionStatus.COMMITTED];

/**
 * Holds one use of each discount for an order. The usage counter moves with a guarded UPDATE
 * under the discount's row lock, so a code limited to 5 uses gives exactly 5 under any number of
 * concurrent checkouts; the per-customer limit is counted under the same lock, and a discount
 * with one is refused to guests. All or nothing, idempotent under the checkout key. The uses
 * are held for `ttlSeconds`; a sweeper gives back those not committed by then.
 */
export async function reserveRedemptions(
  ctx: PromotionsContext,
  input: DiscountRedemptionReserveInput,
): Promise<MutationOutcome<DiscountRedemption[]>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  const ids = [...new Set(input.discountIds)].sort();
  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const { key, ...request } = input;
    await idempotent(em, SCHEMA, 'discountRedemptionReserve', key, request, async () => {
      const expiresAt = new Date(Date.now() + (input.ttlSeconds ?? DEFAULT_HOLD_SECONDS) * 1000);
      for (const [i, id] of ids.entries()) {
        const field = ['input', 'discountIds', String(i)];
        const [discount] = isUuid(id)
          ? await sql<{ usage_limit_per_customer: number | null; title: string }>(
              em,
              `update ${SCHEMA}.discount set usage_count = usage_count + 1
               where id = ? and deactivated_at is null and (usage_limit is null or usage_count < usage_limit)
                 and (starts_at is null or starts_at <= now()) and (ends_at is null or ends_at > now())
               returning usage_limit_per_customer, title`,
              [id],
            )
          : [];
        if (!discount) throw new UserErrorsException([await whyNot(em, id, field)]);
        if (discount.usage_limit_per_customer !== null) {
          // A guest's uses cannot be counted: without this, a guest could use it without limit.
          if (!input.customerId) {
            throw new UserErrorsException([
              new UserError(
                field,
                `"${discount.title}" is limited per customer: reserve it with the customer's id`,
                Code.CUSTOMER_REQUIRED,
              ),
            ]);
          }
          const used = await em.count(DiscountRedemption, {
            discountId: id,
            customerId: input.customerId,
            status: { $in: HOLDING_STATUSES },
          });
          if (used >= discount.usage_limit_per_customer) {
            throw new UserErrorsException([
              new UserError(
                field,
                `"${discount.title}" can be used ${discount.usage_limit_per_customer} time(s) per customer`,
                Code.USAGE_LIMIT_REACHED,
              ),
            ]);
          }
        }
        em.persist(
          Object.assign(new DiscountRedemption(), {
            key,
            discountId: id,
            customerId: input.customerId ?? null,
            orderReference: input.orderReference ?? null,
            expiresAt,
          }),
        );
      }
      await em.flush();
      return null;
    });
    const redemptions = await em.find(DiscountRedemption, { key }, { orderBy: { discountId: 'asc' } });
    // A replay after release or expiry would hand back uses that no longer count: a new attempt needs a new key.
    const ended = endedHold(redemptions);
    if (ended)
      throw new UserErrorsException([
        new UserError(['input', 'key'], `The uses reserved under "${key}" ${ended.what}; reserve again under a new key`, ended.code),
      ]);
    return redemptions;
  });
}

async function whyNot(em: PromotionsContext['em'], id: string, field: string[]): Promise<UserError> {
  const discount = isUuid(id) ? await em.findOne(Discount, { id }) : null;
  if (!discount) return new UserError(field, `No discount with id "${id}"`, Code.NOT_FOUND);
  if (discount.deactivatedAt) return new UserError(field, `"${discount.title}" is no longer active`, Code.INACTIVE);
  const now = new Date();
  if (discount.startsAt && discount.startsAt > now)
    return new UserError(field, `"${discount.title}" has not started yet`, Code.NOT_STARTED);
  if (discount.endsAt && discount.endsAt <= now) return new UserError(field, `"${discount.title}" has ended`, Code.EXPIRED);
  return new UserError(field, `"${discount.title}" has been used its ${discount.usageLimit} time(s)`, Code.USAGE_LIMIT_REACHED);
}

/**
 * Whether the uses held under a key can no longer be committed: released, or expired (swept
 * already, or past their time and not yet swept). Null while they still hold.
 */
function endedHold(redemptions: DiscountRedemption[]): { code: string; what: string } | null {
  const now = new Date();
  if (redemptions.some((r) => r.status === RedemptionStatus.RELEASED)) return { code: Code.REDEMPTION_RELEASED, what: 'were released' };
  const expired = (r: DiscountRedemption) =>
    r.status === RedemptionStatus.EXPIRED || (r.status === RedemptionStatus.RESERVED && r.expiresAt <= now);
  if (redemptions.some(expired)) return { code: Code.REDEMPTION_EXPIRED, what: 'expired before the order was placed' };
  return null;
}

/**
 * The order was placed: its held uses become final. Committing twice is harmless. Uses past
 * their time are refused even before the sweeper has given them back, as inventory refuses an
 * expired reservation: the checkout must reserve again, and may find the code used up.
 */
export async function commitRedemptions(ctx: PromotionsContext, key: string): Promise<MutationOutcome<DiscountRedemption[]>> {
  return runMutation(ctx, async ({ em }) => {
    const redemptions = await lockRedemptions(em, key);
    const ended = endedHold(redemptions);
    if (ended) throw new UserErrorsException([new UserError(['key'], `These uses ${ended.what}; reserve them again`, ended.code)]);
    for (const r of redemptions) {
      r.status = RedemptionStatus.COMMITTED;
      r.updatedAt = new Date();
    }
    await em.flush();
    return redemptions;
  });
}

/** The checkout failed: held uses go back to the discounts. Releasing twice (or after expiry) is harmless. */
export async function releaseRedemptions(ctx: PromotionsContext, key: string): Promise<MutationOutcome<DiscountRedemption[]>> {
  return runMutation(ctx, async ({ em }) => {
    const redemptions = await lockRedemptions(em, key);
    if (redemptions.some((r) => r.status === RedemptionStatus.COMMITTED)) {
      throw new UserErrorsException([
        new UserError(['key'], 'These uses belong to a placed order and cannot be released', Code.REDEMPTION_COMMITTED),
      ]);
    }
    await endHolds(
      em,
      redemptions.filter((x) => x.status === RedemptionStatus.RESERVED),
      RedemptionStatus.RELEASED,
    );
    await em.flush();
    return redemptions;
  });
}

/**
 * A placed order was cancelled: its uses, held or committed, go back to the discounts, so the
 * code can be used again. Returning twice is harmless; uses released or expired already stay so.
 */
export async function returnRedemptions(ctx: PromotionsContext, key: string): Promise<MutationOutcome<DiscountRedemption[]>> {
  return runMutation(ctx, async ({ em }) => {
    const redemptions = await lockRedemptions(em, key);
    await endHolds(
      em,
      redemptions.filter((r) => HOLDING_STATUSES.includes(r.status)),
      RedemptionStatus.RELEASED,
    );
    await em.flush();
    return redemptions;
  });
}

/**
 * Gives the uses of RESERVED redemptions back to their discounts' counters and marks them
 * released or expired. Counters move in discount id order, the order reserving locks them in,
 * so a release, a sweep and a checkout never wait on each other in a circle.
 */
export async function endHolds(em: PromotionsContext['em'], held: DiscountRedemption[], status: RedemptionStatus): Promise<void> {
  const uses = new Map<string, number>();
  for (const r of held) uses.set(r.discountId, (uses.get(r.discountId) ?? 0) + 1);
  for (const id of [...uses.keys()].sort()) {
    await sql(em, `update ${SCHEMA}.discount set usage_count = usage_count - ? where id = ?`, [uses.get(id), id]);
  }
  for (const r of held) {
    r.status = status;
    r.updatedAt = new Date();
  }
}

async function lockRedemptions(em: PromotionsContext['em'], key: string): Promise<DiscountRedemption[]> {
  const redemptions = await em.find(DiscountRedemption, { key }, { orderBy: { discountId: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
  if (redemptions.length === 0)
    throw new UserErrorsException([new UserError(['key'], `Nothing is reserved under "${key}"`, Code.NOT_FOUND)]);
  return redemptions;
}
