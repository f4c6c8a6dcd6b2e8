/**
 * Step: debit each stored-value tender (gift cards, store credit, loyalty points) through
 * promotions, under a key per tender. Compensation: put it back (GiftCardRefund,
 * StoreCreditIssue, LoyaltyPointsAdjust) under another key. A
 * debit whose answer was lost (the process died mid-call) is replayed under its own key first:
 * promotions answers what it did, or does it now, and either way the refund then matches it.
 */
import {
  GiftCardDebit,
  GiftCardRefund,
  LoyaltyPointsAdjust,
  LoyaltyPointsRedeem,
  LoyaltyProgramRead,
  StoreCreditDebit,
  StoreCreditIssue,
} from '#contracts/promotions';
import { formatMinorUnits, parseMinorUnits, type CurrencyCode } from '#platform/graphql';
import type { CheckoutRow, StepRecord } from '../checkout-row';
import type { CheckoutDeps } from '../deps';
import { CheckoutErrorCode } from '../errors';
import { stepKeys } from '../keys';
import { refused, remoteRefusal, unavailable, type StepOutcome } from './outcome';

const money = (checkout: CheckoutRow, minor: number) => ({
  amount: formatMinorUnits(minor, checkout.plan.cart.currencyCode as CurrencyCode),
  currencyCode: checkout.plan.cart.currencyCode as CurrencyCode,
});

export async function debitTender(deps: CheckoutDeps, checkout: CheckoutRow, index: number): Promise<StepOutcome> {
  const tender = checkout.plan.tenders[index];
  const key = stepKeys(checkout.id).tender(index);
  const reference = `checkout:${checkout.id}`;
  const field = ['input', 'payments', String(index)];
  if (tender.method === 'GIFT_CARD') {
    const result = await deps.promotions.call({}, GiftCardDebit, {
      input: { code: tender.code, amount: money(checkout, tender.amountMinor), reference },
      idempotencyKey: key,
    });
    if (result.ok) {
      const { giftCard, transaction } = result.value;
      return { ok: true, record: { giftCardId: giftCard.id, hint: giftCard.lastCharacters, providerReference: transaction.id } };
    }
    if (result.reason === 'UNAVAILABLE') return unavailable('promotions');
    return remoteRefusal(result.userErrors, field, CheckoutErrorCode.GIFT_CARD_UNUSABLE);
  }
  if (tender.method === 'STORE_CREDIT') {
    const customerId = checkout.plan.cart.customerId;
    if (!customerId) return refused(field, 'Store credit needs a signed-in customer', CheckoutErrorCode.CUSTOMER_REQUIRED);
    const result = await deps.promotions.call({}, StoreCreditDebit, {
      input: { customerId, amount: money(checkout, tender.amountMinor), reference },
      idempotencyKey: key,
    });
    if (result.ok) return { ok: true, record: { accountId: result.value.account.id, providerReference: result.value.entry.id } };
    if (result.reason === 'UNAVAILABLE') return unavailable('promotions');
    return remoteRefusal(result.userErrors, field, CheckoutErrorCode.INSUFFICIENT_BALANCE);
  }
  if (tender.method === 'LOYALTY_POINTS') return redeemPoints(deps, checkout, index);
  return { ok: true, record: {} };
}

/**
 * Points pay at the programme's redemption rate: the amount must be a whole number of points.
 * Should the rate change between reading it and redeeming, the points go back at once and the
 * shopper is asked again (PRICE_CHANGED), so compensation never meets a half-done redemption.
 */
async function redeemPoints(deps: CheckoutDeps, checkout: CheckoutRow, index: number): Promise<StepOutcome> {
  const tender = checkout.plan.tenders[index];
  const field = ['input', 'payments', String(index)];
  const customerId = checkout.plan.cart.customerId;
  if (!customerId) return refused(field, 'Paying with points needs a signed-in customer', CheckoutErrorCode.CUSTOMER_REQUIRED);
  const currency = checkout.plan.cart.currencyCode as CurrencyCode;
  const program = await deps.promotions.call({}, LoyaltyProgramRead, {});
  if (!program.ok) return unavailable('promotions');
  const perPoint = program.value ? parseMinorUnits(program.value.redemptionValuePerPoint.amount, currency) : 0;
  if (perPoint <= 0) return refused(field, 'This shop takes no points as payment', CheckoutErrorCode.PAYMENT_METHOD_NOT_ALLOWED);
  if (tender.amountMinor % perPoint !== 0) {
    const step = formatMinorUnits(perPoint, currency);
    return refused([...field, 'amount'], `Points pay in steps of ${step} ${currency}`, CheckoutErrorCode.PAYMENT_MISMATCH);
  }
  const points = tender.amountMinor / perPoint;
  const key = stepKeys(checkout.id).tender(index);
  const result = await deps.promotions.call({}, LoyaltyPointsRedeem, {
    input: { customerId, points, reference: `checkout:${checkout.id}` },
    idempotencyKey: key,
  });
  if (!result.ok) {
    if (result.reason === 'UNAVAILABLE') return unavailable('promotions');
    return remoteRefusal(result.userErrors, field, CheckoutErrorCode.INSUFFICIENT_BALANCE);
  }
  const record = { points, accountId: result.value.account.id, providerReference: result.value.entry.id };
  if (parseMinorUnits(result.value.value.amount, currency) !== tender.amountMinor) {
    if (!(await givePointsBack(deps, checkout, index, points))) return unavailable('promotions');
    return refused([...field, 'amount'], 'The value of points changed; check the payment again', CheckoutErrorCode.PRICE_CHANGED);
  }
  return { ok: true, record };
}

async function givePointsBack(deps: CheckoutDeps, checkout: CheckoutRow, index: number, points: number): Promise<boolean> {
  const customerId = checkout.plan.cart.customerId;
  if (!customerId) return true;
  const result = await deps.promotions.call({}, LoyaltyPointsAdjust, {
    input: { customerId, points, reason: `Checkout ${checkout.id} did not complete` },
    idempotencyKey: stepKeys(checkout.id).undoTender(index),
  });
  return result.ok;
}

/** Puts a debited tender back; true when nothing of it stays debited. */
export async function undoTender(
  deps: CheckoutDeps,
  checkout: CheckoutRow,
  index: number,
  record: StepRecord | undefined,
): Promise<boolean> {
  if (!record) return true;
  let done = record;
  if (!record.done) {
    // The debit's answer was lost: ask again under the same key (a replay, or the debit itself).
    const replay = await debitTender(deps, checkout, index);
    if (!replay.ok) return !replay.userErrors.some((e) => e.code === CheckoutErrorCode.CHECKOUT_FAILED);
    done = { ...replay.record, done: true };
  }
  const tender = checkout.plan.tenders[index];
  const undoKey = stepKeys(checkout.id).undoTender(index);
  const amount = money(checkout, tender.amountMinor);
  if (tender.method === 'GIFT_CARD') {
    const result = await deps.promotions.call({}, GiftCardRefund, {
      input: { id: done.giftCardId as string, amount, reference: `checkout:${checkout.id}:undo` },
      idempotencyKey: undoKey,
    });
    return result.ok;
  }
  if (tender.method === 'LOYALTY_POINTS')
    return typeof done.points === 'number' ? givePointsBack(deps, checkout, index, done.points) : true;
  if (tender.method === 'STORE_CREDIT' && checkout.plan.cart.customerId) {
    const result = await deps.promotions.call({}, StoreCreditIssue, {
      input: { customerId: checkout.plan.cart.customerId, amount, reason: `Checkout ${checkout.id} did not complete` },
      idempotencyKey: undoKey,
    });
    return result.ok;
  }
  return true;
}
