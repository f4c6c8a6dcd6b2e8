import { planOrderHistory, type HistoryWorld } from './history-plan';

const world: HistoryWorld = {
  products: Array.from({ length: 30 }, (_, i) => ({
    sku: `SKU-${i}`,
    productId: `p-${i}`,
    categoryId: `c-${i % 5}`,
    channels: i % 7 === 0 ? ['POS'] : ['WEB', 'APP', 'POS', 'KIOSK', 'MARKETPLACE'],
  })),
  storeIds: ['berlin', 'hamburg'],
  staffByStore: new Map([['berlin', ['sam']]]),
  customerIds: Array.from({ length: 20 }, (_, i) => `customer-${i}`),
};
const until = new Date('2026-12-01T00:00:00Z');
const plan = planOrderHistory(world, 400, { days: 60, until, seed: 42 });

describe('planOrderHistory', () => {
  it('is the same history for the same seed, and another for another', () => {
    expect(planOrderHistory(world, 400, { days: 60, until, seed: 42 })).toEqual(plan);
    expect(planOrderHistory(world, 400, { days: 60, until, seed: 43 })).not.toEqual(plan);
  });

  it('spreads the orders over the period before the last day, oldest first', () => {
    expect(plan).toHaveLength(400);
    const times = plan.map((order) => order.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(until.getTime() - 61 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(until.getTime() - 86_400_000);
  });

  it('sells only what each channel sells, rings up till sales at a store, and brings returns back later, before the last day', () => {
    const products = new Map(world.products.map((p) => [p.sku, p]));
    for (const order of plan) {
      for (const line of order.lines) expect(products.get(line.sku)!.channels).toContain(order.channel);
      expect(new Set(order.lines.map((l) => l.sku)).size).toBe(order.lines.length);
      if (order.channel === 'POS' || order.channel === 'KIOSK') expect(world.storeIds).toContain(order.storeId);
      if (order.method === 'SHIP') expect(order.storeId).toBeNull();
      if (order.staffId) expect(order.storeId).toBe('berlin');
      if (order.returned) {
        expect(order.returned.lineIndex).toBeLessThan(order.lines.length);
        expect(order.at.getTime() + order.returned.afterMs).toBeLessThan(until.getTime() - 86_400_000);
      }
    }
  });

  it('has the skews of a real shop: every channel, regulars, guests, some returns, and baskets of several products', () => {
    expect(new Set(plan.map((o) => o.channel)).size).toBe(5);
    expect(plan.filter((o) => o.customerId === null).length).toBeGreaterThan(0);
    const byCustomer = new Map<string, number>();
    for (const o of plan) if (o.customerId) byCustomer.set(o.customerId, (byCustomer.get(o.customerId) ?? 0) + 1);
    expect(Math.max(...byCustomer.values())).toBeGreaterThan(plan.length / world.customerIds.length);
    expect(plan.filter((o) => o.returned).length).toBeGreaterThan(0);
    expect(plan.filter((o) => o.lines.length > 1).length).toBeGreaterThan(plan.length / 4);
  });
});
