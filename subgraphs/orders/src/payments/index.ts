/** Payments' public surface: the provider contract, the TEST_CARD provider, and the pure ledger maths. */
export type * from './provider';
export { TestCardProvider } from './test-card';
/** The test card numbers and what each does; the README lists them. */
export { TEST_CARD_NUMBERS, type TestCardNumber, type TestCardBehaviour } from './test-card-numbers';
export { summarizePayment, PaymentLedgerError } from './ledger';
export { financialStatus } from './financial-status';
export { cashChange } from './cash';
export { isStoredValue } from './stored-value';
export type * from './types';
export { PersistedTestCardProvider } from './test-card-store';
