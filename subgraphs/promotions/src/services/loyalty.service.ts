import { randomUUID } from 'node:crypto';
import { idempotent, runMutation, sql, type MutationOutcome } from '#platform/db';
import { Money, UserError, UserErrorsException, validateInput, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { LoyaltyAccount, LoyaltyEntry, LoyaltyEntryKind } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import type { LoyaltyPointsAdjustInput, LoyaltyPointsEarnInput, LoyaltyPointsRedeemInput } from '../inputs/loyalty.input';
import { pointsFor } from '../rules/loyalty-points';
import { positiveAmount } from '../rules/money-amount';
import { loadLoyaltyProgram } from './loyalty-program.service';

export interface LoyaltyChange {
  account: LoyaltyAccount;
  entry: LoyaltyEntry;
  /** What redeemed points are worth, for redemptions. */
  value?: Money;
}

type Em = PromotionsContext['em'];
type EntryFields = Pick<LoyaltyEntry, 'kind'> & Partial<Pick<LoyaltyEntry, 'reason' | 'reference' | 'channel' | 'shortfall'>>;

/** A staff correction of a customer's points (or a service reversing an earning or a redemption); never below zero, idempotent under the key. */
export async function adjustPoints(
  ctx: PromotionsContext,
  input: LoyaltyPointsAdjustInput,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<LoyaltyChange>> {
  const errors = await validateInput(input, ['input']);
  if (input.points === 0) errors.push(new UserError(['input', 'points'], 'An adjustment must change the points', Code.INVALID));
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(tx.em, SCHEMA, 'loyaltyPointsAdjust', idempotencyKey, input, () =>
      changePoints(tx, input.customerId, input.points, idempotencyKey, { kind: LoyaltyEntryKind.ADJUST, reason: input.reason }),
    );
    return loadChange(tx.em, result);
  });
}

/** Points for a purchase, at the programme's rate and the channel's multiplier; idempotent under the key. */
export async function earnPoints(
  ctx: PromotionsContext,
  input: LoyaltyPointsEarnInput,
  idempotencyKey: string,
): Promise<MutationOutcome<LoyaltyChange>> {
  const errors = await validateInput(input, ['input']);
  const spent = positiveAmount(input.amountSpent, ctx.currencyCode, ['input', 'amountSpent'], errors);
  if (errors.length || spent === null) return { ok: false, userErrors: errors };
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(tx.em, SCHEMA, 'loyaltyPointsEarn', idempotencyKey, input, async () => {
      const points = pointsFor(await loadLoyaltyProgram(tx.em), spent, tx.currencyCode, input.channel);
      return changePoints(tx, input.customerId, points, idempotencyKey, {
        kind: LoyaltyEntryKind.EARN,
        reference: input.reference ?? null,
        channel: input.channel,
      });
    });
    return loadChange(tx.em, result);
  });
}

/** Spends points at checkout and says what they are worth; idempotent under the key. */
export async function redeemPoints(
  ctx: PromotionsContext,
  input: LoyaltyPointsRedeemInput,
  idempotencyKey: string,
): Promise<MutationOutcome<LoyaltyChange>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(tx.em, SCHEMA, 'loyaltyPointsRedeem', idempotencyKey, input, async () => {
      const entryId = await changePoints(tx, input.customerId, -input.points, idempotencyKey, {
        kind: LoyaltyEntryKind.REDEEM,
        reference: input.reference ?? null,
      });
      // Kept with the key, so a replay answers the value given then even if the rate changed since.
      return { entryId, valueMinor: input.points * (await loadLoyaltyProgram(tx.em)).redemptionValuePerPoint };
    });
    const change = await loadChange(tx.em, result.entryId);
    return { ...change, value: Money.fromMinor(result.valueMinor, tx.currencyCode) };
  });
}

/** Moves the points with a guarded UPDATE under the account's row lock and writes the entry, in the transaction of `tx`. */
async function changePoints(
  tx: Pick<PromotionsContext, 'em' | 'viewer'>,
  customerId: string,
  delta: number,
  idempotencyKey: string | null | undefined,
  fields: EntryFields,
): Promise<string> {
  const { em } = tx;
  if (delta >= 0) {
    await sql(
      em,
      `insert into ${SCHEMA}.loyalty_account (id, customer_id, points, created_at, updated_at) values (?, ?, 0, now(), now()) on conflict (customer_id) do nothing`,
      [randomUUID(), customerId],
    );
  }
  const [account] = await sql<{ id: string; points: number }>(
    em,
    `update ${SCHEMA}.loyalty_account set points = points + ?, updated_at = now() where customer_id = ? and points + ? >= 0 returning id, points`,
    [delta, customerId, delta],
  );
  if (!account) {
    const exists = await em.count(LoyaltyAccount, { customerId });
    throw new UserErrorsException([
      exists
        ? new UserError(['input', 'points'], 'The customer does not have that many points', Code.INSUFFICIENT_POINTS)
        : new UserError(['input', 'customerId'], `Customer "${customerId}" has no loyalty points`, Code.NOT_FOUND),
    ]);
  }
  const entry = em.create(LoyaltyEntry, {
    reason: null,
    reference: null,
    channel: null,
    ...fields,
    shortfall: fields.shortfall ?? 0,
    accountId: account.id,
    points: delta,
    balanceAfter: account.points,
    idempotencyKey: idempotencyKey ?? null,
    actor: tx.viewer.subject,
    createdAt: new Date(),
  });
  await em.flush();
  return entry.id;
}

async function loadChange(em: Em, entryId: string): Promise<LoyaltyChange> {
  const entry = await em.findOneOrFail(LoyaltyEntry, { id: entryId });
  const account = await em.findOneOrFail(LoyaltyAccount, { id: entry.accountId }, { refresh: true });
  return { account, entry };
}

/**
 * Points for a paid order, at the programme's rate and the order channel's multiplier, in the
 * caller's transaction (the order-events consumer's): once per order, whatever the deliveries.
 */
export async function earnPointsForOrder(
  em: Em,
  order: { orderId: string; customerId: string; paidMinor: number; currencyCode: CurrencyCode; channel: SalesChannel; number: string },
): Promise<void> {
  const key = `order-paid:${order.orderId}`;
  await idempotent(em, SCHEMA, 'orderPaidEarn', key, { orderId: order.orderId }, async () => {
    const points = pointsFor(await loadLoyaltyProgram(em), order.paidMinor, order.currencyCode, order.channel);
    if (points <= 0) return null;
    return changePoints({ em, viewer: { role: 'SERVICE', subject: 'service:orders', locationId: null } }, order.customerId, points, key, {
      kind: LoyaltyEntryKind.EARN,
      reference: `order:${order.number}`,
      channel: order.channel,
    });
  });
}

/**
 * An order was cancelled, whole or in part, or returned units were refunded: the points it earned
 * go back in the share of the money that went back (for the whole order, all of them still
 * standing), never more than earned across all take-backs, never below zero (the rest recorded as
 * the entry's shortfall), in the caller's
 * transaction (the order-events consumer's): once per event, whatever the deliveries.
 */
export async function takeBackPointsForOrder(
  em: Em,
  cancelled: {
    eventId: string;
    customerId: string;
    number: string;
    refundedMinor: number;
    totalMinor: number;
    whole: boolean;
    /** What gave the money back; a cancellation unless said. */
    cause?: 'cancelled' | 'refunded';
  },
): Promise<void> {
  const cause = cancelled.cause ?? 'cancelled';
  const key = `order-${cause}:${cancelled.eventId}`;
  const operation = cause === 'cancelled' ? 'orderCancelledTakeBack' : 'orderRefundedTakeBack';
  await idempotent(em, SCHEMA, operation, key, { eventId: cancelled.eventId }, async () => {
    const reference = `order-${cause}:${cancelled.number}`;
    const [row] = await sql<{ earned: string; taken: string; points: number }>(
      em,
      `select coalesce(sum(e.points) filter (where e.kind = 'EARN' and e.reference = ?), 0) as earned,
              coalesce(sum(e.shortfall - e.points) filter (where e.kind = 'ADJUST' and e.reference = any(?)), 0) as taken, a.points
         from ${SCHEMA}.loyalty_account a left join ${SCHEMA}.loyalty_entry e on e.account_id = a.id
        where a.customer_id = ? group by a.id, a.points`,
      [`order:${cancelled.number}`, [`order-cancelled:${cancelled.number}`, `order-refunded:${cancelled.number}`], cancelled.customerId],
    );
    if (!row) return null;
    const left = Number(row.earned) - Number(row.taken);
    const share =
      cancelled.whole || cancelled.totalMinor === 0
        ? left
        : Math.min(left, Math.floor((Number(row.earned) * cancelled.refundedMinor) / cancelled.totalMinor));
    if (share <= 0) return null;
    // Never below zero: what the balance cannot give back (spent already) is recorded as the entry's shortfall, and counts as taken.
    const points = Math.min(share, row.points);
    return changePoints(
      { em, viewer: { role: 'SERVICE', subject: 'service:orders', locationId: null } },
      cancelled.customerId,
      -points,
      key,
      {
        kind: LoyaltyEntryKind.ADJUST,
        reason: cause === 'cancelled' ? `Order ${cancelled.number} cancelled` : `Order ${cancelled.number}: returned items refunded`,
        reference,
        shortfall: share - points,
      },
    );
  });
}
