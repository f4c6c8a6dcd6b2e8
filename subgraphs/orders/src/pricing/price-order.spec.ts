import { priceOrder } from './price-order';
import type { LineDiscounts, PricingInput, PricingLine, TaxRates } from './types';

/** Germany: 19% standard, 7% reduced. */
const DE: TaxRates = {
  STANDARD: { rateBasisPoints: 1900, name: 'VAT 19%' },
  REDUCED: { rateBasisPoints: 700, name: 'VAT 7%' },
  ZERO: { rateBasisPoints: 0, name: 'VAT 0%' },
};

const line = (id: string, quantity: number, unitPriceMinor: number, taxClass: PricingLine['taxClass'] = 'STANDARD'): PricingLine => ({
  id,
  sku: `SKU-${id}`,
  quantity,
  unitPriceMinor,
  taxClass,
});

function input(overrides: Partial<PricingInput>): PricingInput {
  return {
    lines: [],
    discounts: [],
    shipping: { beforeDiscountMinor: 0, afterDiscountMinor: 0 },
    taxRates: DE,
    pricesIncludeTax: true,
    ...overrides,
  };
}

const off = (lineId: string, amountMinor: number, discountId = 'd'): LineDiscounts => ({
  lineId,
  allocations: [{ discountId, amountMinor }],
});

describe('priceOrder: prices including tax (DE)', () => {
  it('finds 19.00 of tax in a 119.00 line', () => {
    const result = priceOrder(input({ lines: [line('shirt', 1, 11_900)] }));
    expect(result.lines).toEqual([
      {
        id: 'shirt',
        subtotalMinor: 11_900,
        discountMinor: 0,
        netMinor: 11_900,
        taxMinor: 1900,
        taxLines: [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: 1900 }],
        totalMinor: 11_900,
      },
    ]);
    expect(result.totals).toEqual({
      subtotalMinor: 11_900,
      discountTotalMinor: 0,
      shippingMinor: 0,
      shippingDiscountMinor: 0,
      shippingTaxMinor: 0,
      taxTotalMinor: 1900,
      taxLines: [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: 1900 }],
      totalMinor: 11_900,
    });
  });

  it('taxes what is left after a 10% discount: 107.10 holds 17.10', () => {
    const result = priceOrder(input({ lines: [line('shirt', 1, 11_900)], discounts: [off('shirt', 1190)] }));
    expect(result.lines[0]).toMatchObject({ discountMinor: 1190, netMinor: 10_710, taxMinor: 1710, totalMinor: 10_710 });
    expect(result.totals).toMatchObject({ subtotalMinor: 11_900, discountTotalMinor: 1190, taxTotalMinor: 1710, totalMinor: 10_710 });
  });

  it('taxes a book at the reduced 7%: 107.00 holds 7.00', () => {
    const result = priceOrder(input({ lines: [line('book', 1, 10_700, 'REDUCED')] }));
    expect(result.lines[0].taxLines).toEqual([{ name: 'VAT 7%', rateBasisPoints: 700, amountMinor: 700 }]);
    expect(result.totals.taxLines).toEqual([{ name: 'VAT 7%', rateBasisPoints: 700, amountMinor: 700 }]);
  });

  it('rounds tax per line after an order discount split over both rates', () => {
    // 10% of 178.97 is 17.90 (the promotions engine rounds it), split 11.90 / 6.00 by largest remainder.
    const result = priceOrder(
      input({
        lines: [line('shirt', 1, 11_900), line('socks', 3, 1999, 'REDUCED')],
        discounts: [off('shirt', 1190, 'ten'), off('socks', 600, 'ten')],
      }),
    );
    // 107.10 holds 17.10; 53.97 × 7/107 = 3.5308 → 3.53.
    expect(result.lines.map((l) => [l.netMinor, l.taxMinor])).toEqual([
      [10_710, 1710],
      [5397, 353],
    ]);
    expect(result.totals).toEqual({
      subtotalMinor: 17_897,
      discountTotalMinor: 1790,
      shippingMinor: 0,
      shippingDiscountMinor: 0,
      shippingTaxMinor: 0,
      taxTotalMinor: 2063,
      taxLines: [
        { name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: 1710 },
        { name: 'VAT 7%', rateBasisPoints: 700, amountMinor: 353 },
      ],
      totalMinor: 16_107,
    });
  });

  it('sums several discounts on one line', () => {
    const discounts = [
      {
        lineId: 'shirt',
        allocations: [
          { discountId: 'a', amountMinor: 500 },
          { discountId: 'b', amountMinor: 690 },
        ],
      },
    ];
    expect(priceOrder(input({ lines: [line('shirt', 1, 11_900)], discounts })).lines[0]).toMatchObject({
      discountMinor: 1190,
      taxMinor: 1710,
    });
  });

  it('taxes shipping at the standard rate after its discount, even on an all-reduced order', () => {
    // 4.95 holds 0.79 (0.7903); the book's 21.40 holds 1.40.
    const result = priceOrder(
      input({ lines: [line('book', 2, 1070, 'REDUCED')], shipping: { beforeDiscountMinor: 595, afterDiscountMinor: 495 } }),
    );
    expect(result.totals).toEqual({
      subtotalMinor: 2140,
      discountTotalMinor: 0,
      shippingMinor: 495,
      shippingDiscountMinor: 100,
      shippingTaxMinor: 79,
      taxTotalMinor: 219,
      taxLines: [
        { name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: 79 },
        { name: 'VAT 7%', rateBasisPoints: 700, amountMinor: 140 },
      ],
      totalMinor: 2635,
    });
  });

  it('adds no standard-rate line for shipping made free', () => {
    const result = priceOrder(
      input({ lines: [line('book', 1, 1070, 'REDUCED')], shipping: { beforeDiscountMinor: 495, afterDiscountMinor: 0 } }),
    );
    expect(result.totals).toMatchObject({
      shippingMinor: 0,
      shippingDiscountMinor: 495,
      shippingTaxMinor: 0,
      taxTotalMinor: 70,
      totalMinor: 1070,
    });
    expect(result.totals.taxLines).toEqual([{ name: 'VAT 7%', rateBasisPoints: 700, amountMinor: 70 }]);
  });

  it('shows a zero-rated line at 0%', () => {
    const result = priceOrder(input({ lines: [line('voucher', 1, 2500, 'ZERO'), line('shirt', 1, 11_900)] }));
    expect(result.lines[0]).toMatchObject({
      taxMinor: 0,
      taxLines: [{ name: 'VAT 0%', rateBasisPoints: 0, amountMinor: 0 }],
      totalMinor: 2500,
    });
    expect(result.totals.taxLines.map((t) => [t.name, t.amountMinor])).toEqual([
      ['VAT 19%', 1900],
      ['VAT 0%', 0],
    ]);
    expect(result.totals.totalMinor).toBe(14_400);
  });

  it('prices a line discounted to nothing at nothing', () => {
    const result = priceOrder(input({ lines: [line('gift', 2, 999)], discounts: [off('gift', 1998)] }));
    expect(result.lines[0]).toMatchObject({ netMinor: 0, taxMinor: 0, totalMinor: 0 });
  });
});

describe('priceOrder: prices excluding tax', () => {
  it('adds tax on top per line and on shipping', () => {
    const result = priceOrder(
      input({
        pricesIncludeTax: false,
        lines: [line('shirt', 1, 10_000), line('book', 2, 2500, 'REDUCED')],
        shipping: { beforeDiscountMinor: 500, afterDiscountMinor: 500 },
      }),
    );
    expect(result.lines.map((l) => [l.netMinor, l.taxMinor, l.totalMinor])).toEqual([
      [10_000, 1900, 11_900],
      [5000, 350, 5350],
    ]);
    expect(result.totals).toEqual({
      subtotalMinor: 15_000,
      discountTotalMinor: 0,
      shippingMinor: 500,
      shippingDiscountMinor: 0,
      shippingTaxMinor: 95,
      taxTotalMinor: 2345,
      taxLines: [
        { name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: 1995 },
        { name: 'VAT 7%', rateBasisPoints: 700, amountMinor: 350 },
      ],
      totalMinor: 17_845,
    });
  });

  it('rounds each line half up, so two lines can carry a cent more than their sum would', () => {
    // 1.50 at 19% is 0.285 → 0.29 on each line; 3.00 in one line would be 0.57.
    const result = priceOrder(input({ pricesIncludeTax: false, lines: [line('a', 1, 150), line('b', 1, 150)] }));
    expect(result.lines.map((l) => l.taxMinor)).toEqual([29, 29]);
    expect(result.totals).toMatchObject({ taxTotalMinor: 58, totalMinor: 358 });
  });

  it('taxes the discounted amount: 10% off 100.00 is 90.00 + 17.10', () => {
    const result = priceOrder(input({ pricesIncludeTax: false, lines: [line('shirt', 1, 10_000)], discounts: [off('shirt', 1000)] }));
    expect(result.lines[0]).toMatchObject({ netMinor: 9000, taxMinor: 1710, totalMinor: 10_710 });
  });
});

describe('priceOrder: tax lines', () => {
  it('merges classes that share a rate and name, and sorts highest rate first', () => {
    const rates: TaxRates = {
      STANDARD: { rateBasisPoints: 2000, name: 'VAT' },
      REDUCED: { rateBasisPoints: 500, name: 'VAT' },
      ZERO: { rateBasisPoints: 0, name: 'VAT' },
    };
    const result = priceOrder(
      input({
        taxRates: rates,
        lines: [line('z', 1, 100, 'ZERO'), line('r', 1, 2100, 'REDUCED'), line('s', 1, 1200), line('s2', 1, 600)],
        shipping: { beforeDiscountMinor: 360, afterDiscountMinor: 360 },
      }),
    );
    expect(result.totals.taxLines).toEqual([
      { name: 'VAT', rateBasisPoints: 2000, amountMinor: 200 + 100 + 60 },
      { name: 'VAT', rateBasisPoints: 500, amountMinor: 100 },
      { name: 'VAT', rateBasisPoints: 0, amountMinor: 0 },
    ]);
  });
});
