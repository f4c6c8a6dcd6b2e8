import { LockMode } from '@mikro-orm/core';
import { isUuid } from '#platform/db';
import {
  keysetAfter,
  pageRequest,
  readOrder,
  rowsAfter,
  toConnection,
  UserError,
  UserErrorsException,
  type ConnectionArgs,
  type ConnectionShape,
  type SalesChannel,
} from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { Discount, DiscountStatus } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import { listedFor } from '../rules/discount-visibility';

/** A discount by id, batched; null for an unknown or malformed id. */
export function findDiscount(ctx: PromotionsContext, id: string): Promise<Discount | null> {
  return isUuid(id) ? ctx.loaders.discountById.load(id) : Promise.resolve(null);
}

/** A discount under its row lock, inside a mutation's transaction; NOT_FOUND otherwise. */
export async function findDiscountForUpdate(em: PromotionsContext['em'], id: string): Promise<Discount> {
  const discount = isUuid(id) ? await em.findOne(Discount, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!discount) throw new UserErrorsException([discountNotFound(id)]);
  return discount;
}

export const discountNotFound = (id: string) => new UserError(['id'], `No discount with id "${id}"`, Code.NOT_FOUND);

/** The SQL condition for a status, so lists filter in the database. */
function statusWhere(status: DiscountStatus, now: Date): Record<string, unknown> {
  switch (status) {
    case DiscountStatus.DEACTIVATED:
      return { deactivatedAt: { $ne: null } };
    case DiscountStatus.SCHEDULED:
      return { deactivatedAt: null, startsAt: { $gt: now } };
    case DiscountStatus.EXPIRED:
      return { deactivatedAt: null, endsAt: { $lte: now } };
    case DiscountStatus.ACTIVE:
      return {
        deactivatedAt: null,
        $and: [{ $or: [{ startsAt: null }, { startsAt: { $lte: now } }] }, { $or: [{ endsAt: null }, { endsAt: { $gt: now } }] }],
      };
  }
}

/** Discounts newest first, optionally of one status. */
export async function listDiscounts(
  ctx: PromotionsContext,
  args: ConnectionArgs & { status?: DiscountStatus | null },
): Promise<ConnectionShape<Discount>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'desc');
  const after = rowsAfter(keysetAfter(page, ['date', 'uuid']), 'createdAt', order);
  const where = { ...(args.status ? statusWhere(args.status, new Date()) : {}), ...after };
  const rows = await ctx.em.find(Discount, where, { orderBy: { createdAt: order, id: order }, limit: page.limit });
  return toConnection(rows, page, (d) => [d.createdAt.toISOString(), d.id]);
}

/**
 * What is live on a channel right now, so every channel shows the same offers: automatic
 * discounts and public codes, and for staff private codes too.
 */
export function activePromotions(ctx: PromotionsContext, channel: SalesChannel): Promise<Discount[]> {
  return ctx.em.find(
    Discount,
    {
      $and: [
        statusWhere(DiscountStatus.ACTIVE, new Date()),
        { $or: [{ channels: { $contains: [channel] } }, { channels: { $eq: [] } }] },
        listedFor(ctx.viewer),
      ],
    },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}
