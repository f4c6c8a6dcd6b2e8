/** Refund maths' public surface: pure, exact to the cent, and its contract. */
export { planRefund } from './plan-refund';
export { refundLine } from './refund-line';
export { refundShipping } from './refund-shipping';
export { splitAcrossTenders, REFUND_PREFERENCE } from './split-across-tenders';
/** What the first units of a line carry of an amount; the rule every refund share follows. */
export { shareOfFirst, shareOfUnits } from './unit-share';
/** Thrown for a refund that cannot be worked out (drifted figures, units not there); `code` is INVALID_REFUND_INPUT. */
export { RefundInputError } from './validate';
export type * from './types';
