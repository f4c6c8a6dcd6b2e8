import { financialStatus } from './financial-status';
import type { FinancialStatus, PaymentAmounts } from './types';

const pay = (authorizedMinor: number, capturedMinor = 0, refundedMinor = 0, voidedMinor = 0): PaymentAmounts => ({
  authorizedMinor,
  capturedMinor,
  refundedMinor,
  voidedMinor,
});

describe('financialStatus', () => {
  it.each<[string, PaymentAmounts[], number, FinancialStatus]>([
    ['no payment yet', [], 16_800, 'PENDING'],
    ['a declined or pending card only', [pay(0)], 16_800, 'PENDING'],
    ['the card authorized for the total', [pay(16_800)], 16_800, 'AUTHORIZED'],
    ['gift card debited and card authorized: money partly in', [pay(2000, 2000), pay(14_800)], 16_800, 'PARTIALLY_PAID'],
    ['authorizations covering the total together', [pay(2000), pay(14_800)], 16_800, 'AUTHORIZED'],
    ['an authorization short of the total', [pay(10_000)], 16_800, 'PENDING'],
    ['captured in full', [pay(16_800, 16_800)], 16_800, 'PAID'],
    ['captured over two tenders', [pay(2000, 2000), pay(14_800, 14_800)], 16_800, 'PAID'],
    ['captured in part', [pay(16_800, 10_000)], 16_800, 'PARTIALLY_PAID'],
    ['captured in part, the rest voided', [pay(16_800, 10_000, 0, 6800)], 16_800, 'PARTIALLY_PAID'],
    ['refunded 120.00 of 168.00', [pay(16_800, 16_800, 12_000)], 16_800, 'PARTIALLY_REFUNDED'],
    ['refunded in full', [pay(16_800, 16_800, 16_800)], 16_800, 'REFUNDED'],
    ['one tender of two refunded', [pay(2000, 2000, 2000), pay(14_800, 14_800)], 16_800, 'PARTIALLY_REFUNDED'],
    ['every tender refunded', [pay(2000, 2000, 2000), pay(14_800, 14_800, 14_800)], 16_800, 'REFUNDED'],
    ['voided', [pay(16_800, 0, 0, 16_800)], 16_800, 'VOIDED'],
    ['one voided card, then a new authorization for the total', [pay(16_800, 0, 0, 16_800), pay(16_800)], 16_800, 'AUTHORIZED'],
    ['one voided card, then a new one pending', [pay(16_800, 0, 0, 16_800), pay(0)], 16_800, 'VOIDED'],
    [
      'cancelled: gift card refunded, the card voided before capture',
      [pay(2000, 2000, 2000), pay(14_800, 0, 0, 14_800)],
      16_800,
      'REFUNDED',
    ],
    [
      'a line cancelled before capture: the card captured, then its share refunded',
      [pay(16_800, 16_800, 4800)],
      16_800,
      'PARTIALLY_REFUNDED',
    ],
    ['an order of nothing', [], 0, 'PAID'],
  ])('%s', (_, payments, total, expected) => {
    expect(financialStatus(payments, total)).toBe(expected);
  });

  it('refuses a total that is not a whole amount', () => {
    expect(() => financialStatus([], -1)).toThrow(RangeError);
    expect(() => financialStatus([], 1.5)).toThrow(RangeError);
  });
});
