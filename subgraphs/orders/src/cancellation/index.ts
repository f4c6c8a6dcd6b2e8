/** Cancelling: orders or some of their units, as a saga like checkout; its recovery sweeper; expired pickups. */
export { cancel } from './cancel';
export { sweepCancellations } from './sweeper';
export { sweepExpiredPickups, PICKUP_EXPIRED_REASON } from './pickup-expiry';
export { driveCancellation } from './saga';
export { CancelErrorCode } from './errors';
export type { CancellationDeps } from './deps';
export type * from './types';
/** The money step, shared with refunds of returned units. */
export { refundPayment, STORE_CREDIT_REFERENCE, type MoneyBack } from './steps/payment';
export { paymentLedger } from './ledger';
