import { OrderLine } from '../entities';
import { planReturnRefund, type RefundPlanInput } from './refund-plan';

const line = (id: string, unit: number, quantity: number, discount: number, fields: Partial<OrderLine> = {}): OrderLine =>
  Object.assign(new OrderLine(), {
    id,
    sku: `SKU-${id}`,
    quantity,
    subtotalMinor: unit * quantity,
    discountMinor: discount,
    taxMinor: Math.round(((unit * quantity - discount) * 19) / 119),
    totalMinor: unit * quantity - discount,
    quantityFulfilled: quantity,
    quantityReturned: quantity,
    ...fields,
  });

function input(lines: OrderLine[], fields: Partial<RefundPlanInput> = {}): RefundPlanInput {
  const total = lines.reduce((sum, l) => sum + l.totalMinor, 0);
  return {
    order: { id: 'o', number: '1001', checkoutId: null, customerId: null, currencyCode: 'EUR', totalMinor: total, taxTotalMinor: 0 },
    lines,
    payments: [{ id: 'card', method: 'TEST_CARD', amountMinor: total }],
    planned: new Map(),
    shippingRefundedMinor: 0,
    request: { orderId: 'o', lines: [], shipping: false },
    refundTo: 'ORIGINAL',
    ...fields,
  };
}

describe('planReturnRefund', () => {
  it('refunds 150.00 and 60.00 with 20% off the order as 120.00 and 48.00', () => {
    const lines = [line('a', 15_000, 1, 3_000), line('b', 6_000, 1, 1_200)];
    const first = planReturnRefund(
      input(lines, { request: { orderId: 'o', lines: [{ orderLineId: 'a', quantity: 1 }], shipping: false } }),
    );
    expect(first.ok && first.plan.refundTotalMinor).toBe(12_000);
    const second = planReturnRefund(
      input(lines, { request: { orderId: 'o', lines: [{ orderLineId: 'b', quantity: 1 }], shipping: false } }),
    );
    expect(second.ok && second.plan.refundTotalMinor).toBe(4_800);
  });

  it('takes units in turn after cancelled and refunded ones, so a line sums to what was paid', () => {
    const shares = [0, 1, 2].map((done) => {
      const result = planReturnRefund(
        input([line('a', 1_000, 3, 1_000, { quantityCancelled: done > 0 ? 1 : 0, quantityRefunded: done > 1 ? 1 : 0 })], {
          request: { orderId: 'o', lines: [{ orderLineId: 'a', quantity: 1 }], shipping: false },
        }),
      );
      return result.ok ? result.plan.refundTotalMinor : NaN;
    });
    expect(shares).toEqual([666, 667, 667]);
  });

  it('refuses units not returned or already refunded, and zero units', () => {
    const lines = [line('a', 1_000, 2, 0, { quantityReturned: 1, quantityRefunded: 1 })];
    for (const quantity of [1, 0]) {
      const result = planReturnRefund(
        input(lines, { request: { orderId: 'o', lines: [{ orderLineId: 'a', quantity }], shipping: false } }),
      );
      expect(result.ok ? null : result.errors.map((e) => e.code)).toEqual([quantity ? 'NOT_REFUNDABLE' : 'GREATER_THAN_OR_EQUAL_TO']);
    }
  });

  it('never gives a tender more than it paid less what went back to it before', () => {
    const lines = [line('a', 5_000, 2, 0)];
    const result = planReturnRefund(
      input(lines, {
        payments: [
          { id: 'gift', method: 'GIFT_CARD', amountMinor: 3_000 },
          { id: 'card', method: 'TEST_CARD', amountMinor: 7_000 },
        ],
        planned: new Map([['card', 5_000]]),
        request: { orderId: 'o', lines: [{ orderLineId: 'a', quantity: 1 }], shipping: false },
      }),
    );
    expect(result.ok && result.plan.refunds).toEqual([
      { paymentId: 'card', method: 'TEST_CARD', amountMinor: 2_000, beforeMinor: 5_000 },
      { paymentId: 'gift', method: 'GIFT_CARD', amountMinor: 3_000, beforeMinor: 0 },
    ]);
  });
});
