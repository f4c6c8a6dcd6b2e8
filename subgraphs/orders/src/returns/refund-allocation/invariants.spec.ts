import { priceOrder, type PricingInput, type TaxClass } from '../../pricing';
import { planRefund } from './plan-refund';
import { splitAcrossTenders } from './split-across-tenders';
import type { RefundableLine, Tender } from './types';
import { seededRandom } from '#platform/runtime';

const ORDERS = 1500;

/** A random order priced by the pricing engine, as checkout would store it. */
function randomOrder(random: () => number): {
  lines: RefundableLine[];
  paid: number;
  tax: number;
  shipping: { amountMinor: number; taxMinor: number };
} {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const lines = Array.from({ length: int(1, 6) }, (_, i) => ({
    id: `line-${i}`,
    sku: `SKU-${i}`,
    quantity: random() < 0.5 ? int(1, 3) : int(4, 999),
    unitPriceMinor: random() < 0.05 ? int(900_000_000, 1_000_000_000) : int(0, 30_000),
    taxClass: (['STANDARD', 'REDUCED', 'ZERO'] as TaxClass[])[int(0, 2)],
  }));
  const input: PricingInput = {
    lines,
    discounts: lines.map((line) => ({
      lineId: line.id,
      allocations: [{ discountId: 'd', amountMinor: Math.floor(line.quantity * line.unitPriceMinor * random() * 0.6) }],
    })),
    shipping: { beforeDiscountMinor: 595, afterDiscountMinor: random() < 0.5 ? 595 : 0 },
    taxRates: {
      STANDARD: { rateBasisPoints: 1900, name: 'VAT 19%' },
      REDUCED: { rateBasisPoints: 700, name: 'VAT 7%' },
      ZERO: { rateBasisPoints: 0, name: 'VAT 0%' },
    },
    pricesIncludeTax: random() < 0.6,
  };
  const { lines: priced, totals } = priceOrder(input);
  const shippingPaid = totals.shippingMinor + (input.pricesIncludeTax ? 0 : totals.shippingTaxMinor);
  return {
    lines: priced.map((line, i) => ({
      lineId: line.id,
      quantity: lines[i].quantity,
      subtotalMinor: line.subtotalMinor,
      discountMinor: line.discountMinor,
      taxMinor: line.taxMinor,
      totalMinor: line.totalMinor,
      alreadyRefundedQuantity: 0,
      alreadyRefundedMinor: 0,
    })),
    paid: totals.totalMinor,
    tax: totals.taxTotalMinor,
    shipping: { amountMinor: shippingPaid, taxMinor: totals.shippingTaxMinor },
  };
}

describe('refunds: invariants over random orders', () => {
  it(`refunding every unit, in random batches, gives back exactly what was paid on ${ORDERS} seeded orders`, () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= ORDERS; seed += 1) {
      const random = seededRandom(seed);
      const order = randomOrder(random);
      let lines = order.lines;
      let refunded = 0;
      let refundedTax = 0;
      let shippingRefunded = false;
      while (lines.some((line) => line.alreadyRefundedQuantity < line.quantity)) {
        // A return of some units of some lines, shipping with one of them.
        const refund = lines
          .filter((line) => line.alreadyRefundedQuantity < line.quantity && random() < 0.6)
          .map((line) => {
            const left = line.quantity - line.alreadyRefundedQuantity;
            return { lineId: line.lineId, quantity: random() < 0.3 ? left : 1 + Math.floor(random() * left) };
          });
        const withShipping: boolean = !shippingRefunded && random() < 0.3;
        const plan = planRefund({ lines, refund, shipping: withShipping ? { ...order.shipping, alreadyRefundedMinor: 0 } : null });
        shippingRefunded ||= withShipping;
        for (const part of plan.lines) {
          const line = lines.find((l) => l.lineId === part.lineId) as RefundableLine;
          // Never more than the units' fair share rounded up, never less than rounded down.
          const fair = (BigInt(line.totalMinor) * BigInt(part.quantity)) / BigInt(line.quantity);
          const amount = BigInt(part.amountMinor);
          if (amount < fair || amount > fair + 1n) problems.push(`seed ${seed}: ${part.lineId} refunds ${amount}, fair ${fair}`);
          if (part.taxMinor < 0 || part.taxMinor > part.amountMinor) problems.push(`seed ${seed}: ${part.lineId} tax ${part.taxMinor}`);
        }
        if (plan.totalMinor !== plan.lines.reduce((sum, l) => sum + l.amountMinor, plan.shipping.amountMinor)) {
          problems.push(`seed ${seed}: total is not the sum of the parts`);
        }
        refunded += plan.totalMinor;
        refundedTax += plan.taxTotalMinor;
        lines = lines.map((line) => {
          const part = plan.lines.find((l) => l.lineId === line.lineId);
          if (part === undefined) return line;
          return {
            ...line,
            alreadyRefundedQuantity: line.alreadyRefundedQuantity + part.quantity,
            alreadyRefundedMinor: line.alreadyRefundedMinor + part.amountMinor,
          };
        });
      }
      if (!shippingRefunded) {
        const plan = planRefund({ lines, refund: [], shipping: { ...order.shipping, alreadyRefundedMinor: 0 } });
        refunded += plan.totalMinor;
        refundedTax += plan.taxTotalMinor;
      }
      if (refunded !== order.paid || refundedTax !== order.tax) {
        problems.push(`seed ${seed}: refunded ${refunded} (tax ${refundedTax}) of ${order.paid} paid (tax ${order.tax})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('splits random refunds within every tender and exactly, or reports the exact shortfall', () => {
    const random = seededRandom(99);
    const methods = ['TEST_CARD', 'CASH', 'MANUAL', 'STORE_CREDIT', 'GIFT_CARD', 'LOYALTY_POINTS'] as const;
    for (let i = 0; i < ORDERS; i += 1) {
      const tenders: Tender[] = Array.from({ length: Math.floor(random() * 5) }, (_, t) => {
        const capturedMinor = Math.floor(random() * 20_000);
        return {
          paymentId: `p${t}`,
          method: methods[Math.floor(random() * methods.length)],
          capturedMinor,
          refundedMinor: Math.floor(random() * capturedMinor),
        };
      });
      const refundable = tenders.reduce((sum, t) => sum + t.capturedMinor - t.refundedMinor, 0);
      const amount = Math.floor(random() * (refundable + 500));
      const split = splitAcrossTenders(amount, tenders);
      if (!split.ok) {
        expect(split.shortMinor).toBe(amount - refundable);
        continue;
      }
      expect(amount).toBeLessThanOrEqual(refundable);
      expect(split.refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(amount);
      for (const part of split.refunds) {
        const tender = tenders.find((t) => t.paymentId === part.paymentId) as Tender;
        expect(part.amountMinor).toBeGreaterThan(0);
        expect(part.amountMinor).toBeLessThanOrEqual(tender.capturedMinor - tender.refundedMinor);
      }
      // Only the last tender used may keep money back; every earlier one gave all it had.
      split.refunds.slice(0, -1).forEach((part) => {
        const tender = tenders.find((t) => t.paymentId === part.paymentId) as Tender;
        expect(part.amountMinor).toBe(tender.capturedMinor - tender.refundedMinor);
      });
    }
  });
});
