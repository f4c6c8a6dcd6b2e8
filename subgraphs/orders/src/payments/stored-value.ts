import type { PaymentMethod } from './types';

/**
 * The tenders paid from a balance we keep (through promotions): debited when taken, given back
 * there. Offline, a till records them without a debit, for staff to follow up.
 */
const STORED_VALUE_METHODS: readonly string[] = ['GIFT_CARD', 'STORE_CREDIT', 'LOYALTY_POINTS'] satisfies PaymentMethod[];

export const isStoredValue = (method: string): boolean => STORED_VALUE_METHODS.includes(method);
