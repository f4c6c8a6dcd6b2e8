import type { RemoteUserError } from '#platform/internal';
import type { StepRecord } from '../checkout-row';
import { CheckoutErrorCode } from '../errors';

export interface StepUserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** A forward step's end: its record, or why the checkout cannot go on (nothing more was held by this step). */
export type StepOutcome = { ok: true; record: StepRecord } | { ok: false; userErrors: StepUserError[] };

export const refused = (field: string[] | null, message: string, code: string): StepOutcome => ({
  ok: false,
  userErrors: [{ field, message, code }],
});

/** A service that did not answer: the step may have run; compensation finds out by its key. */
export const unavailable = (service: string): StepOutcome =>
  refused(null, `The ${service} service did not answer; nothing was charged. Try again.`, CheckoutErrorCode.CHECKOUT_FAILED);

/** The first remote refusal, under our code, with its message. */
export function remoteRefusal(errors: RemoteUserError[], field: string[] | null, code: string): StepOutcome {
  return refused(field, errors[0]?.message ?? 'Refused', code);
}
