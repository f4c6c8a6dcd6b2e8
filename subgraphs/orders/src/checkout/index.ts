/** Checkout: the saga that turns a priced cart into an order, its recovery sweeper, and their contract. */
export { completeCheckout, type CheckoutRequest, type CheckoutAnswer } from './complete';
export { readCheckout } from './checkout-row';
export { sweepCheckouts } from './sweeper';
export { CheckoutAdmission } from './admission';
export { driveCheckout, PLACE_TIME_MS, SETTLE_TIME_MS, STEP_TIME_MS, type AnswerBy } from './saga';
export { CheckoutErrorCode } from './errors';
export { CHECKOUT_STEPS, FAULT_PAUSE_MS, parseFaults, InjectedFault, type CheckoutDeps, type CheckoutStep } from './deps';
export { checkoutProblems, orderTenders, type CheckoutCaller } from './validate';
export type * from './types';
