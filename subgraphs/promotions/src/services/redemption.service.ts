import { LockMode } from '@mikro-orm/core';
import {
  idempotent,
  isUuid,
  runMutation,
  sql,
  UserError,
  UserErrorCode,
  UserErrorsException,
  validateInput,
  type MutationOutcome,
} from '../../../platform/src';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { Discount, DiscountRedemption, RedemptionStatus } from '../entities';
import type { DiscountRedemptionReserveInput } from '../inputs/redemption.input';

export const USAGE_LIMIT_REACHED = 'USAGE_LIMIT_REACHED';
export const CUSTOMER_REQUIRED = 'CUSTOMER_REQUIRED';

/**
 * Holds one use of each discount for an order. The usage counter moves with a guarded UPDATE
 * under the discount's row lock, so a code limited to 5 uses gives exactly 5 under any number of
 * concurrent checkouts; the per-customer limit is counted under the same lock, and a discount
 * with one is refused to guests. All or nothing, idempotent under the checkout key.
 */
export async function reserveRedemptions(ctx: PromotionsContext, input: DiscountRedemptionReserveInput): Promise<MutationOutcome<DiscountRedemption[]>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  const ids = [...new Set(input.discountIds)].sort();
  return runMutation(ctx.em, async (em) => {
    const { key, ...request } = input;
    await idempotent(em, SCHEMA, 'discountRedemptionReserve', key, request, async () => {
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
            throw new UserErrorsException([new UserError(field, `"${discount.title}" is limited per customer: reserve it with the customer's id`, CUSTOMER_REQUIRED)]);
          }
          const used = await em.count(DiscountRedemption, { discountId: id, customerId: input.customerId, status: { $ne: RedemptionStatus.RELEASED } });
          if (used >= discount.usage_limit_per_customer) {
            throw new UserErrorsException([new UserError(field, `"${discount.title}" can be used ${discount.usage_limit_per_customer} time(s) per customer`, USAGE_LIMIT_REACHED)]);
          }
        }
        em.persist(Object.assign(new DiscountRedemption(), { key, discountId: id, customerId: input.customerId ?? null, orderReference: input.orderReference ?? null }));
      }
      await em.flush();
      return null;
    });
    const redemptions = await em.find(DiscountRedemption, { key }, { orderBy: { discountId: 'asc' } });
    // A replay after release would hand back uses that no longer count: a new attempt needs a new key.
    if (redemptions.some((r) => r.status === RedemptionStatus.RELEASED)) {
      throw new UserErrorsException([new UserError(['input', 'key'], `The uses reserved under "${key}" were released; reserve again under a new key`, 'REDEMPTION_RELEASED')]);
    }
    return redemptions;
  });
}

async function whyNot(em: PromotionsContext['em'], id: string, field: string[]): Promise<UserError> {
  const discount = isUuid(id) ? await em.findOne(Discount, { id }) : null;
  if (!discount) return new UserError(field, `No discount with id "${id}"`, UserErrorCode.NOT_FOUND);
  if (discount.deactivatedAt) return new UserError(field, `"${discount.title}" is no longer active`, 'INACTIVE');
  const now = new Date();
  if (discount.startsAt && discount.startsAt > now) return new UserError(field, `"${discount.title}" has not started yet`, 'NOT_STARTED');
  if (discount.endsAt && discount.endsAt <= now) return new UserError(field, `"${discount.title}" has ended`, 'EXPIRED');
  return new UserError(field, `"${discount.title}" has been used its ${discount.usageLimit} time(s)`, USAGE_LIMIT_REACHED);
}

/** The order was placed: its held uses become final. Committing twice is harmless. */
export async function commitRedemptions(ctx: PromotionsContext, key: string): Promise<MutationOutcome<DiscountRedemption[]>> {
  return runMutation(ctx.em, async (em) => {
    const redemptions = await lockRedemptions(em, key);
    for (const r of redemptions) {
      if (r.status === RedemptionStatus.RELEASED) {
        throw new UserErrorsException([new UserError(['key'], 'These uses were released; reserve them again', 'REDEMPTION_RELEASED')]);
      }
      r.status = RedemptionStatus.COMMITTED;
      r.updatedAt = new Date();
    }
    await em.flush();
    return redemptions;
  });
}

/** The checkout failed: held uses go back to the discounts. Releasing twice is harmless. */
export async function releaseRedemptions(ctx: PromotionsContext, key: string): Promise<MutationOutcome<DiscountRedemption[]>> {
  return runMutation(ctx.em, async (em) => {
    const redemptions = await lockRedemptions(em, key);
    if (redemptions.some((r) => r.status === RedemptionStatus.COMMITTED)) {
      throw new UserErrorsException([new UserError(['key'], 'These uses belong to a placed order and cannot be released', 'REDEMPTION_COMMITTED')]);
    }
    for (const r of redemptions.filter((x) => x.status === RedemptionStatus.RESERVED)) {
      await sql(em, `update ${SCHEMA}.discount set usage_count = usage_count - 1 where id = ?`, [r.discountId]);
      r.status = RedemptionStatus.RELEASED;
      r.updatedAt = new Date();
    }
    await em.flush();
    return redemptions;
  });
}

async function lockRedemptions(em: PromotionsContext['em'], key: string): Promise<DiscountRedemption[]> {
  const redemptions = await em.find(DiscountRedemption, { key }, { orderBy: { discountId: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
  if (redemptions.length === 0) throw new UserErrorsException([new UserError(['key'], `Nothing is reserved under "${key}"`, UserErrorCode.NOT_FOUND)]);
  return redemptions;
}
