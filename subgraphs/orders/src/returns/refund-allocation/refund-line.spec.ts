import { planRefund } from './plan-refund';
import { refundLine } from './refund-line';
import type { RefundableLine } from './types';
import { shareOfFirst } from './unit-share';

/** A line as stored at checkout, nothing refunded yet. */
const stored = (line: Omit<RefundableLine, 'alreadyRefundedQuantity' | 'alreadyRefundedMinor'>): RefundableLine => ({
  ...line,
  alreadyRefundedQuantity: 0,
  alreadyRefundedMinor: 0,
});

/** `line` after `units` of it were refunded by this engine. */
const afterRefunding = (line: RefundableLine, units: number): RefundableLine => ({
  ...line,
  alreadyRefundedQuantity: units,
  alreadyRefundedMinor: shareOfFirst(line.totalMinor, units, line.quantity),
});

describe('refunds: the order discount of ORDERS.md', () => {
  // 150.00 and 60.00 with 20% off the order: 30.00 and 12.00 allocated, 168.00 paid, tax 19% inside.
  const jacket = stored({ lineId: 'jacket', quantity: 1, subtotalMinor: 15_000, discountMinor: 3000, taxMinor: 1916, totalMinor: 12_000 });
  const shirt = stored({ lineId: 'shirt', quantity: 1, subtotalMinor: 6000, discountMinor: 1200, taxMinor: 766, totalMinor: 4800 });

  it('refunds 120.00 and 48.00, not the list prices', () => {
    expect(refundLine(jacket, 1)).toEqual({ lineId: 'jacket', quantity: 1, amountMinor: 12_000, taxMinor: 1916 });
    expect(refundLine(shirt, 1)).toEqual({ lineId: 'shirt', quantity: 1, amountMinor: 4800, taxMinor: 766 });
  });

  it('sums a refund of both to the 168.00 paid', () => {
    const plan = planRefund({
      lines: [jacket, shirt],
      refund: [
        { lineId: 'shirt', quantity: 1 },
        { lineId: 'jacket', quantity: 1 },
      ],
      shipping: null,
    });
    expect(plan).toEqual({
      lines: [
        { lineId: 'shirt', quantity: 1, amountMinor: 4800, taxMinor: 766 },
        { lineId: 'jacket', quantity: 1, amountMinor: 12_000, taxMinor: 1916 },
      ],
      shipping: { amountMinor: 0, taxMinor: 0 },
      totalMinor: 16_800,
      taxTotalMinor: 2682,
    });
  });
});

describe('refunds: units sharing a discount', () => {
  // Three units at 25.00 sharing 10.00 off: 65.00 paid, 10.38 tax inside.
  const mugs = stored({ lineId: 'mugs', quantity: 3, subtotalMinor: 7500, discountMinor: 1000, taxMinor: 1038, totalMinor: 6500 });

  it('refunds one unit at a time as 21.66, 21.67 and 21.67: exactly 65.00', () => {
    const first = refundLine(mugs, 1);
    const second = refundLine(afterRefunding(mugs, 1), 1);
    const third = refundLine(afterRefunding(mugs, 2), 1);
    expect([first, second, third].map((r) => r.amountMinor)).toEqual([2166, 2167, 2167]);
    expect([first, second, third].map((r) => r.taxMinor)).toEqual([346, 346, 346]);
    expect(first.amountMinor + second.amountMinor + third.amountMinor).toBe(6500);
  });

  it('refunds all three at once as the whole 65.00, and one then two the same', () => {
    expect(refundLine(mugs, 3)).toMatchObject({ amountMinor: 6500, taxMinor: 1038 });
    expect(refundLine(mugs, 1).amountMinor + refundLine(afterRefunding(mugs, 1), 2).amountMinor).toBe(6500);
    expect(refundLine(mugs, 2).amountMinor + refundLine(afterRefunding(mugs, 2), 1).amountMinor).toBe(6500);
  });

  it('gives the tax remainder to the last units too', () => {
    const line = stored({ lineId: 'l', quantity: 3, subtotalMinor: 300, discountMinor: 0, taxMinor: 49, totalMinor: 300 });
    expect(refundLine(line, 1).taxMinor).toBe(16);
    expect(refundLine(afterRefunding(line, 1), 1).taxMinor).toBe(16);
    expect(refundLine(afterRefunding(line, 2), 1).taxMinor).toBe(17);
  });
});

describe('refunds: buy 2 get 1 free', () => {
  // Three at 10.00, the third free: 20.00 paid for the line.
  const socks = stored({ lineId: 'socks', quantity: 3, subtotalMinor: 3000, discountMinor: 1000, taxMinor: 319, totalMinor: 2000 });

  it('refunds a returned pair of socks at what was paid, not at 10.00', () => {
    expect(refundLine(socks, 1)).toEqual({ lineId: 'socks', quantity: 1, amountMinor: 666, taxMinor: 106 });
  });

  it('refunds the other two later for the rest of the 20.00', () => {
    const rest = refundLine(afterRefunding(socks, 1), 2);
    expect(rest).toEqual({ lineId: 'socks', quantity: 2, amountMinor: 1334, taxMinor: 213 });
    expect(666 + rest.amountMinor).toBe(2000);
  });
});

describe('refunds: prices excluding tax', () => {
  it('refunds the tax that was added on top with the units', () => {
    // 2 × 50.00 + 19% = 119.00 paid.
    const line = stored({ lineId: 'l', quantity: 2, subtotalMinor: 10_000, discountMinor: 0, taxMinor: 1900, totalMinor: 11_900 });
    expect(refundLine(line, 1)).toMatchObject({ amountMinor: 5950, taxMinor: 950 });
  });
});

describe('refunds: shipping', () => {
  const line = stored({ lineId: 'l', quantity: 1, subtotalMinor: 1000, discountMinor: 0, taxMinor: 160, totalMinor: 1000 });

  it('refunds all that remains of shipping, with its tax', () => {
    const plan = planRefund({
      lines: [line],
      refund: [{ lineId: 'l', quantity: 1 }],
      shipping: { amountMinor: 495, taxMinor: 79, alreadyRefundedMinor: 0 },
    });
    expect(plan).toMatchObject({ shipping: { amountMinor: 495, taxMinor: 79 }, totalMinor: 1495, taxTotalMinor: 239 });
  });

  it('refunds nothing more of shipping already refunded, and the rest of a part refunded', () => {
    const refundOf = (alreadyRefundedMinor: number) =>
      planRefund({ lines: [line], refund: [], shipping: { amountMinor: 495, taxMinor: 79, alreadyRefundedMinor } }).shipping;
    expect(refundOf(495)).toEqual({ amountMinor: 0, taxMinor: 0 });
    // 2.00 of 4.95 refunded before carried floor(79 × 200 / 495) = 31 of tax.
    expect(refundOf(200)).toEqual({ amountMinor: 295, taxMinor: 48 });
  });

  it('refunds only shipping when no line is asked for', () => {
    expect(planRefund({ lines: [], refund: [], shipping: { amountMinor: 0, taxMinor: 0, alreadyRefundedMinor: 0 } })).toEqual({
      lines: [],
      shipping: { amountMinor: 0, taxMinor: 0 },
      totalMinor: 0,
      taxTotalMinor: 0,
    });
  });
});
