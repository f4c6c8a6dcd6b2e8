/**
 * Step: authorize the card, last, for what stored value did not cover. A PENDING answer (the
 * processor timed out) is settled by asking the provider how it stands. Compensation: void it. An
 * authorization whose answer was lost is asked again under its key, then voided.
 */
import type { PaymentProvider, ProviderResult } from '../../payments';
import type { CheckoutRow, StepRecord } from '../checkout-row';
import type { CheckoutDeps } from '../deps';
import { CheckoutErrorCode } from '../errors';
import { stepKeys } from '../keys';
import { refused, type StepOutcome } from './outcome';

export async function authorizeCard(deps: CheckoutDeps, checkout: CheckoutRow, index: number): Promise<StepOutcome> {
  const tender = checkout.plan.tenders[index];
  if (tender.method !== 'TEST_CARD') return { ok: true, record: {} };
  const result = await settled(
    deps.card,
    await deps.card.authorize({
      amountMinor: tender.amountMinor,
      currency: checkout.plan.cart.currencyCode,
      idempotencyKey: stepKeys(checkout.id).tender(index),
      source: tender.cardNumber,
    }),
  );
  if (result.status === 'SUCCEEDED')
    return { ok: true, record: { providerReference: result.reference, hint: tender.cardNumber.slice(-4) } };
  if (result.status === 'PENDING') {
    return refused(
      ['input', 'payments', String(index)],
      'The card processor did not answer; nothing was charged',
      CheckoutErrorCode.PAYMENT_DECLINED,
    );
  }
  return refused(['input', 'payments', String(index)], `${result.message} (${result.code})`, CheckoutErrorCode.PAYMENT_DECLINED);
}

async function settled(provider: PaymentProvider, result: ProviderResult): Promise<ProviderResult> {
  return result.status === 'PENDING' ? provider.status(result.reference) : result;
}

/** Voids the authorization; true when no authorization of this checkout stays open. */
export async function voidCard(deps: CheckoutDeps, checkout: CheckoutRow, index: number, record: StepRecord | undefined): Promise<boolean> {
  if (!record) return true;
  const tender = checkout.plan.tenders[index];
  if (tender.method !== 'TEST_CARD') return true;
  let reference = record.done ? (record.providerReference as string | undefined) : undefined;
  if (!record.done) {
    const replay = await deps.card.authorize({
      amountMinor: tender.amountMinor,
      currency: checkout.plan.cart.currencyCode,
      idempotencyKey: stepKeys(checkout.id).tender(index),
      source: tender.cardNumber,
    });
    if (replay.status === 'DECLINED') return true;
    reference = replay.reference;
  }
  if (!reference) return true;
  const result = await deps.card.void({ reference, idempotencyKey: stepKeys(checkout.id).undoTender(index) });
  return result.status === 'SUCCEEDED' || (result.status === 'DECLINED' && result.code === 'AUTHORIZATION_VOIDED');
}
