import { planRefund } from './plan-refund';
import type { RefundableLine, RefundInput } from './types';
import { RefundInputError } from './validate';

const line: RefundableLine = {
  lineId: 'l',
  quantity: 3,
  subtotalMinor: 7500,
  discountMinor: 1000,
  taxMinor: 1038,
  totalMinor: 6500,
  alreadyRefundedQuantity: 1,
  alreadyRefundedMinor: 2166,
};
const input = (changes: Partial<RefundableLine>, quantity = 1): RefundInput => ({
  lines: [{ ...line, ...changes }],
  refund: [{ lineId: 'l', quantity }],
  shipping: null,
});

describe('planRefund: what cannot be refunded is thrown with a code', () => {
  it('refunds the valid line these cases break', () => {
    expect(planRefund(input({}, 2)).totalMinor).toBe(4334);
  });

  it.each<[string, RefundInput, RegExp]>([
    ['more units than remain', input({}, 3), /2 units left to refund, not 3/],
    ['zero units', input({}, 0), /refund quantity/],
    ['fractional units', input({}, 1.5), /refund quantity/],
    [
      'an amount refunded that drifted from the rule',
      input({ alreadyRefundedMinor: 2167 }),
      /shows 2167 refunded for 1 units, where 2166 was due/,
    ],
    ['more units refunded than ordered', input({ alreadyRefundedQuantity: 4 }), /4 of 3 units refunded/],
    ['a total that is neither net nor net plus tax', input({ totalMinor: 6499 }), /neither its net 6500 nor net plus tax/],
    ['tax above the total', input({ taxMinor: 7000, totalMinor: 6500 }), /neither its net/],
    ['a discount above the subtotal', input({ discountMinor: 7501 }), /more than its subtotal/],
    ['a fractional amount', input({ subtotalMinor: 7500.5 }), /subtotalMinor/],
    ['a zero quantity ordered', input({ quantity: 0 }), /quantity must be a positive integer/],
    ['a line not in the order', { lines: [line], refund: [{ lineId: 'x', quantity: 1 }], shipping: null }, /line x is not in the order/],
    [
      'a line asked for twice',
      {
        lines: [line],
        refund: [
          { lineId: 'l', quantity: 1 },
          { lineId: 'l', quantity: 1 },
        ],
        shipping: null,
      },
      /asked for twice/,
    ],
    [
      'shipping refunded beyond what was paid',
      { lines: [], refund: [], shipping: { amountMinor: 495, taxMinor: 79, alreadyRefundedMinor: 496 } },
      /exceeds 495 paid/,
    ],
    [
      'shipping tax above shipping',
      { lines: [], refund: [], shipping: { amountMinor: 495, taxMinor: 496, alreadyRefundedMinor: 0 } },
      /tax 496 exceeds/,
    ],
  ])('rejects %s', (_, bad, message) => {
    expect(() => planRefund(bad)).toThrow(RefundInputError);
    expect(() => planRefund(bad)).toThrow(message);
  });
});
