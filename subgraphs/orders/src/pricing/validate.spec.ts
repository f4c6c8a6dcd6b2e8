import { priceOrder } from './price-order';
import type { PricingInput, TaxRates } from './types';
import { PricingInputError } from './validate';

const rates: TaxRates = {
  STANDARD: { rateBasisPoints: 1900, name: 'VAT 19%' },
  REDUCED: { rateBasisPoints: 700, name: 'VAT 7%' },
  ZERO: { rateBasisPoints: 0, name: 'VAT 0%' },
};
const valid: PricingInput = {
  lines: [{ id: 'l', sku: 'S', quantity: 2, unitPriceMinor: 1000, taxClass: 'STANDARD' }],
  discounts: [{ lineId: 'l', allocations: [{ discountId: 'd', amountMinor: 500 }] }],
  shipping: { beforeDiscountMinor: 500, afterDiscountMinor: 0 },
  taxRates: rates,
  pricesIncludeTax: true,
};
const withLine = (changes: object): PricingInput => ({ ...valid, lines: [{ ...valid.lines[0], ...changes }] });

describe('priceOrder: malformed input is thrown with a code', () => {
  it('accepts the valid input these cases break', () => {
    expect(priceOrder(valid).totals.totalMinor).toBe(1500);
  });

  it.each([
    ['a fractional price', withLine({ unitPriceMinor: 10.5 }), /unitPriceMinor/],
    ['a price above 10^9', withLine({ unitPriceMinor: 1_000_000_001 }), /unitPriceMinor/],
    ['a zero quantity', withLine({ quantity: 0 }), /quantity/],
    ['a quantity above 999', withLine({ quantity: 1000 }), /quantity/],
    ['an unknown tax class', withLine({ taxClass: 'LUXURY' }), /taxClass LUXURY/],
    ['a line id used twice', { ...valid, lines: [valid.lines[0], valid.lines[0]] }, /line id l appears twice/],
    ['a discount on a missing line', { ...valid, discounts: [{ lineId: 'x', allocations: [] }] }, /line x, which is not in the lines/],
    ['a line listed twice in discounts', { ...valid, discounts: [valid.discounts[0], valid.discounts[0]] }, /twice/],
    [
      'discounts above the subtotal',
      {
        ...valid,
        discounts: [
          {
            lineId: 'l',
            allocations: [
              { discountId: 'a', amountMinor: 1500 },
              { discountId: 'b', amountMinor: 600 },
            ],
          },
        ],
      },
      /discounted 2100, more than its subtotal 2000/,
    ],
    [
      'a negative allocation',
      { ...valid, discounts: [{ lineId: 'l', allocations: [{ discountId: 'd', amountMinor: -1 }] }] },
      /allocation/,
    ],
    [
      'shipping raised by its discount',
      { ...valid, shipping: { beforeDiscountMinor: 500, afterDiscountMinor: 501 } },
      /afterDiscountMinor/,
    ],
    ['a rate above 100%', { ...valid, taxRates: { ...rates, REDUCED: { rateBasisPoints: 10_001, name: 'x' } } }, /REDUCED rateBasisPoints/],
    ['a fractional rate', { ...valid, taxRates: { ...rates, STANDARD: { rateBasisPoints: 19.5, name: 'x' } } }, /STANDARD rateBasisPoints/],
  ] as [string, PricingInput, RegExp][])('rejects %s', (_, bad, message) => {
    let thrown: unknown;
    try {
      priceOrder(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PricingInputError);
    expect((thrown as PricingInputError).code).toBe('INVALID_PRICING_INPUT');
    expect((thrown as PricingInputError).message).toMatch(message);
  });
});
