import { FulfillmentOrder, OrderLine } from '../entities';
import { planCancellation, type PlanInput } from './plan';

const line = (id: string, sku: string, unit: number, quantity: number, discount: number, fields: Partial<OrderLine> = {}): OrderLine =>
  Object.assign(new OrderLine(), {
    id,
    sku,
    quantity,
    unitPriceMinor: unit,
    subtotalMinor: unit * quantity,
    discountMinor: discount,
    taxMinor: Math.round(((unit * quantity - discount) * 19) / 119),
    totalMinor: unit * quantity - discount,
    ...fields,
  });

const fulfillmentOrder = (lines: OrderLine[], fulfilled: Record<string, number> = {}): FulfillmentOrder =>
  Object.assign(new FulfillmentOrder(), {
    locationId: 'store-1',
    lines: lines.map((l) => ({ orderLineId: l.id, sku: l.sku, quantity: l.quantity, fulfilled: fulfilled[l.id] ?? 0, removed: 0 })),
  });

function input(lines: OrderLine[], fields: Partial<PlanInput> = {}): PlanInput {
  const total = lines.reduce((sum, l) => sum + l.totalMinor, 0);
  return {
    order: {
      id: 'order-1',
      number: '#1001',
      checkoutId: 'checkout-1',
      customerId: null,
      currencyCode: 'EUR',
      totalMinor: total,
      taxTotalMinor: lines.reduce((s, l) => s + l.taxMinor, 0),
    },
    lines,
    fulfillmentOrders: [fulfillmentOrder(lines)],
    payments: [{ id: 'card', method: 'TEST_CARD', amountMinor: total }],
    planned: new Map(),
    units: 'ALL',
    reason: 'test',
    refundTo: 'ORIGINAL',
    ...fields,
  };
}

describe('planCancellation', () => {
  it('gives back the exact share of a line: 150.00 and 60.00 at 20% off, the 60.00 line is 48.00', () => {
    const lines = [line('a', 'BIKE', 15_000, 1, 3000), line('b', 'HELMET', 6000, 1, 1200)];
    const result = planCancellation(input(lines, { units: [{ orderLineId: 'b', quantity: 1 }] }));
    expect(result).toMatchObject({
      ok: true,
      plan: {
        whole: false,
        refundTotalMinor: 4800,
        refunds: [{ paymentId: 'card', amountMinor: 4800, beforeMinor: 0 }],
        stock: [{ locationId: 'store-1', lines: [{ sku: 'HELMET', quantity: 1 }] }],
      },
    });
  });

  it('the last units take the remainder, and the last of the order everything left, shipping included', () => {
    const lines = [line('a', 'TUBE', 1000, 3, 1)];
    const withShipping = (fields: Partial<PlanInput>) => {
      const base = input(lines, fields);
      return {
        ...base,
        order: { ...base.order, totalMinor: 3499 },
        payments: [{ id: 'card', method: 'TEST_CARD' as const, amountMinor: 3499 }],
      };
    };
    const first = planCancellation(withShipping({ units: [{ orderLineId: 'a', quantity: 1 }] }));
    expect(first).toMatchObject({ ok: true, plan: { whole: false, refundTotalMinor: 999 } });
    lines[0].quantityCancelled = 1;
    const rest = planCancellation(withShipping({ units: 'ALL', planned: new Map([['card', 999]]) }));
    expect(rest).toMatchObject({ ok: true, plan: { whole: true, refundTotalMinor: 2500, lines: [{ orderLineId: 'a', quantity: 2 }] } });
  });

  it('splits over tenders the last money in first, never more to one than it paid less what went back', () => {
    const lines = [line('a', 'BIKE', 15_000, 1, 3000), line('b', 'HELMET', 6000, 1, 1200)];
    const payments = [
      { id: 'gift', method: 'GIFT_CARD' as const, amountMinor: 2000 },
      { id: 'card', method: 'TEST_CARD' as const, amountMinor: 14_800 },
    ];
    const result = planCancellation(
      input(lines, { payments, planned: new Map([['card', 4800]]), units: [{ orderLineId: 'a', quantity: 1 }] }),
    );
    expect(result).toMatchObject({
      ok: true,
      plan: {
        refunds: [
          { paymentId: 'card', amountMinor: 10_000, beforeMinor: 4800 },
          { paymentId: 'gift', amountMinor: 2000, beforeMinor: 0 },
        ],
      },
    });
  });

  it('gives nothing back for an order paid at pickup, which has taken nothing yet', () => {
    const lines = [line('a', 'BIKE', 15_000, 1, 0), line('b', 'HELMET', 6000, 1, 0)];
    const unpaid = { payments: [] };
    expect(planCancellation(input(lines, { ...unpaid, units: [{ orderLineId: 'b', quantity: 1 }] }))).toMatchObject({
      ok: true,
      plan: { refunds: [], refundTotalMinor: 0, stock: [{ lines: [{ sku: 'HELMET', quantity: 1 }] }] },
    });
    expect(planCancellation(input(lines, unpaid))).toMatchObject({ ok: true, plan: { whole: true, refunds: [], refundTotalMinor: 0 } });
  });

  it('refuses what left: the whole order once any unit did, and more of a line than is still in the store', () => {
    const lines = [line('a', 'TUBE', 1000, 2, 0, { quantityFulfilled: 1 })];
    const fulfilled = { fulfillmentOrders: [fulfillmentOrder(lines, { a: 1 })] };
    expect(planCancellation(input(lines, fulfilled))).toMatchObject({ ok: false, errors: [{ code: 'ALREADY_FULFILLED' }] });
    expect(planCancellation(input(lines, { ...fulfilled, units: [{ orderLineId: 'a', quantity: 2 }] }))).toMatchObject({
      ok: false,
      errors: [{ code: 'ALREADY_FULFILLED', field: ['lines', '0', 'quantity'] }],
    });
    expect(planCancellation(input(lines, { ...fulfilled, units: 'OPEN' }))).toMatchObject({
      ok: true,
      plan: { whole: false, lines: [{ orderLineId: 'a', quantity: 1 }], refundTotalMinor: 1000 },
    });
  });
});
