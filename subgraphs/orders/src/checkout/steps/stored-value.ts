/**
 * Step: debit each stored-value tender (gift cards, store credit) through promotions, under a key
 * per tender. Compensation: put it back (GiftCardRefund, StoreCreditIssue) under another key. A
 * debit whose answer was lost (the process died mid-call) is replayed under its own key first:
 * promotions answers what it did, or does it now, and either way the refund then matches it.
 */
import { GiftCardDebit, GiftCardRefund, StoreCreditDebit, StoreCreditIssue } from '#contracts/promotions';
import { formatMinorUnits, type CurrencyCode } from '#platform/graphql';
import type { CheckoutRow, StepRecord } from '../checkout-row';
import type { CheckoutDeps } from '../deps';
import { CheckoutErrorCode } from '../errors';
import { stepKeys } from '../keys';
import type { TenderInput } from '../types';
import { refused, remoteRefusal, unavailable, type StepOutcome } from './outcome';

export const isStoredValue = (tender: TenderInput) => tender.method === 'GIFT_CARD' || tender.method === 'STORE_CREDIT';

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
  return { ok: true, record: {} };
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
  if (tender.method === 'STORE_CREDIT' && checkout.plan.cart.customerId) {
    const result = await deps.promotions.call({}, StoreCreditIssue, {
      input: { customerId: checkout.plan.cart.customerId, amount, reason: `Checkout ${checkout.id} did not complete` },
      idempotencyKey: undoKey,
    });
    return result.ok;
  }
  return true;
}
