/**
 * Change for a cash tender. Giving less than is due is something a cashier does, not a bug, so
 * it is a result the till shows; a fractional or negative amount is a bug, so it is thrown.
 */
import type { CashTenderResult } from './types';

/** The change from `tenderedMinor` for `dueMinor`, or how much is still short. */
export function cashChange(dueMinor: number, tenderedMinor: number): CashTenderResult {
  for (const [what, value] of [
    ['due', dueMinor],
    ['tendered', tenderedMinor],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Cash ${what} ${value} is not a whole amount`);
  }
  if (tenderedMinor < dueMinor) return { ok: false, code: 'INSUFFICIENT_TENDER', shortMinor: dueMinor - tenderedMinor };
  return { ok: true, changeMinor: tenderedMinor - dueMinor };
}
