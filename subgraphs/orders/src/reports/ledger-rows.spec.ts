import { lineAmounts, saleRows, takenBackRows, type LedgerLine, type LedgerOrder } from './ledger-rows';

const order = (over: Partial<LedgerOrder> = {}): LedgerOrder => ({
  id: 'o1',
  channel: 'WEB',
  fulfillmentMethod: 'SHIP',
  locationId: null,
  pickupLocationId: null,
  staffId: null,
  customerId: null,
  currencyCode: 'EUR',
  pricesIncludeTax: true,
  totalMinor: 0,
  taxTotalMinor: 0,
  processedAt: new Date('2026-12-03T10:00:00Z'),
  ...over,
});

const line = (over: Partial<LedgerLine> = {}): LedgerLine => ({
  id: 'l1',
  sku: 'A',
  productId: 'p1',
  variantId: 'v1',
  categoryIds: [],
  quantity: 3,
  subtotalMinor: 6000,
  discountMinor: 0,
  taxMinor: 958,
  totalMinor: 6000,
  ...over,
});

describe('sales ledger rows', () => {
  it('keeps amounts without tax: gross − discount = net, net + tax = what was paid', () => {
    // 150.00 with 30.00 off, 19% included: 120.00 paid, 19.16 of it tax.
    const amounts = lineAmounts(
      { pricesIncludeTax: true },
      line({ subtotalMinor: 15000, discountMinor: 3000, taxMinor: 1916, totalMinor: 12000 }),
    );
    expect(amounts).toEqual({ grossMinor: 12605, discountMinor: 2521, netMinor: 10084, taxMinor: 1916 });
    // Tax on top: the subtotal is already without tax.
    expect(
      lineAmounts({ pricesIncludeTax: false }, line({ subtotalMinor: 10000, discountMinor: 1000, taxMinor: 1710, totalMinor: 10710 })),
    ).toEqual({
      grossMinor: 10000,
      discountMinor: 1000,
      netMinor: 9000,
      taxMinor: 1710,
    });
  });

  it('adds a shipping row for what the order cost beyond its lines, at the store the sale counts at', () => {
    const rows = saleRows(order({ totalMinor: 6499, taxTotalMinor: 1038, pickupLocationId: 'store' }), [line()]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ productId: null, quantity: 0, shippingMinor: 419, taxMinor: 80, locationId: 'store' });
    expect(rows.every((r) => r.occurredAt.toISOString() === '2026-12-03T10:00:00.000Z')).toBe(true);
  });

  it('nets every line to zero however its units are taken back, for random lines and batches', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const quantity = 1 + random(9);
      const subtotalMinor = quantity * (1 + random(50_000));
      const discountMinor = random(subtotalMinor + 1);
      const totalMinor = subtotalMinor - discountMinor;
      const taxMinor = Math.round(totalMinor - totalMinor / 1.19);
      const l = line({ quantity, subtotalMinor, discountMinor, totalMinor, taxMinor });
      const o = order({ totalMinor, taxTotalMinor: taxMinor });
      const rows = saleRows(o, [l]);
      let before = 0;
      while (before < quantity) {
        const k = 1 + random(quantity - before);
        rows.push(...takenBackRows(o, 'CANCELLATION', [{ line: l, before, quantity: k }], { occurredAt: new Date(), locationId: null }));
        before += k;
      }
      for (const field of ['quantity', 'grossMinor', 'discountMinor', 'netMinor', 'taxMinor'] as const) {
        expect(rows.reduce((sum, r) => sum + r[field], 0)).toBe(0);
      }
      for (const r of rows) expect(r.grossMinor - r.discountMinor).toBe(r.netMinor);
    }
  });
});
