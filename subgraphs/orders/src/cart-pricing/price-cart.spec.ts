import { priceCart } from './price-cart';
import type { CartPricingInput, CatalogRow, Evaluation } from './types';

const STORE_AT = '00000000-0000-4000-8000-0000000000a1';
const WAREHOUSE = '00000000-0000-4000-8000-0000000000b1';

const row = (sku: string, unitPriceMinor: number, extra: Partial<CatalogRow> = {}): CatalogRow => ({
  sku,
  variantId: `v-${sku}`,
  productId: `p-${sku}`,
  categoryIds: [],
  status: 'ACTIVE',
  sellable: true,
  unitPriceMinor,
  compareAtMinor: null,
  taxClass: 'STANDARD',
  ...extra,
});

const NOTHING: Evaluation = { allocations: new Map(), shippingDiscountMinor: 0, rejectedCodes: new Map() };

function input(overrides: Partial<CartPricingInput> = {}): CartPricingInput {
  return {
    channel: 'WEB',
    lines: [
      { id: 'l1', sku: 'A', quantity: 2, priceAtAddMinor: 6000 },
      { id: 'l2', sku: 'B', quantity: 1, priceAtAddMinor: 2500 },
    ],
    codes: [],
    buyerCountryCode: 'DE',
    delivery: null,
    catalog: new Map([
      ['A', row('A', 6000)],
      ['B', row('B', 2500, { taxClass: 'REDUCED' })],
    ]),
    availability: {
      locations: [
        {
          id: STORE_AT,
          name: 'Vienna',
          countryCode: 'AT',
          province: null,
          pickupEnabled: true,
          fulfillsOnlineOrders: true,
          latitude: null,
          longitude: null,
          fulfillmentRank: null,
        },
        {
          id: WAREHOUSE,
          name: 'Leipzig',
          countryCode: 'DE',
          province: null,
          pickupEnabled: false,
          fulfillsOnlineOrders: true,
          latitude: null,
          longitude: null,
          fulfillmentRank: null,
        },
      ],
      levels: [
        { sku: 'A', locationId: STORE_AT, available: 1 },
        { sku: 'A', locationId: WAREHOUSE, available: 5 },
        { sku: 'B', locationId: WAREHOUSE, available: 5 },
      ],
    },
    evaluation: NOTHING,
    taxRates: [
      { countryCode: 'DE', region: null, taxClass: 'STANDARD', rateBasisPoints: 1900, name: 'MwSt. 19 %' },
      { countryCode: 'DE', region: null, taxClass: 'REDUCED', rateBasisPoints: 700, name: 'MwSt. 7 %' },
      { countryCode: 'AT', region: null, taxClass: 'STANDARD', rateBasisPoints: 2000, name: 'USt. 20 %' },
      { countryCode: 'AT', region: null, taxClass: 'REDUCED', rateBasisPoints: 1000, name: 'USt. 10 %' },
    ],
    zones: [
      {
        id: 'z-de',
        name: 'Germany',
        countries: ['DE'],
        rates: [{ id: 'r-std', name: 'Standard', priceMinor: 495, freeAboveMinor: 20_000, minDays: 1, maxDays: 3 }],
      },
    ],
    pricesIncludeTax: true,
    shopCountryCode: 'DE',
    shipToStoreDays: { min: 2, max: 4 },
    ...overrides,
  };
}

describe('priceCart', () => {
  it('taxes each line after its discounts at its class rate, and shipping at the standard rate', () => {
    const evaluation: Evaluation = {
      ...NOTHING,
      allocations: new Map([
        ['l1', [{ discountId: 'd', title: '10 %', code: 'RIDE10', amountMinor: 1200 }]],
        ['l2', [{ discountId: 'd', title: '10 %', code: 'RIDE10', amountMinor: 250 }]],
      ]),
    };
    const priced = priceCart(
      input({
        evaluation,
        delivery: { method: 'SHIP', shippingRateId: 'r-std', locationId: null, addressCountryCode: 'DE', addressProvince: null },
      }),
    );
    // 10800 × 19/119 = 1724.37 → 1724; 2250 × 7/107 = 147.20 → 147; 495 × 19/119 = 79.03 → 79.
    expect(priced.cost).toMatchObject({
      subtotalMinor: 14_500,
      discountTotalMinor: 1_450,
      shippingMinor: 495,
      taxTotalMinor: 1_950,
      totalMinor: 13_545,
    });
    expect(priced.cost.taxLines).toEqual([
      { name: 'MwSt. 19 %', rateBasisPoints: 1900, amountMinor: 1803 },
      { name: 'MwSt. 7 %', rateBasisPoints: 700, amountMinor: 147 },
    ]);
    expect(priced.delivery?.handle).toBe('SHIP:r-std');
  });

  it('adds tax on top when prices exclude it', () => {
    const priced = priceCart(input({ pricesIncludeTax: false }));
    // 12000 × 19 % = 2280, 2500 × 7 % = 175.
    expect(priced.cost).toMatchObject({ subtotalMinor: 14_500, taxTotalMinor: 2_455, totalMinor: 16_955 });
  });

  it("taxes a pickup at the store's country and counts only that store's stock", () => {
    const priced = priceCart(
      input({
        delivery: { method: 'PICKUP', shippingRateId: null, locationId: STORE_AT, addressCountryCode: null, addressProvince: null },
      }),
    );
    expect(priced.cost.taxCountryCode).toBe('AT');
    expect(priced.warnings).toEqual([
      expect.objectContaining({ code: 'NOT_ENOUGH_STOCK', lineId: 'l1', quantityAvailable: 1 }),
      expect.objectContaining({ code: 'OUT_OF_STOCK', lineId: 'l2', quantityAvailable: 0 }),
    ]);
  });

  it('offers pickup with what the store holds now, and ship-to-store from stock elsewhere', () => {
    const options = priceCart(input()).deliveryOptions.map((o) => [o.handle, o.priceMinor, o.quantityAvailableNow]);
    expect(options).toEqual([
      ['SHIP:r-std', 495, null],
      [`PICKUP:${STORE_AT}`, 0, 1],
      [`SHIP_TO_STORE:${STORE_AT}`, 0, 1],
    ]);
  });

  it('warns, without failing, of archived, unpublished and repriced lines, which an unbuyable line does not count in', () => {
    const catalog = new Map([
      ['A', row('A', 6500)],
      ['B', row('B', 2500, { status: 'ARCHIVED', sellable: false })],
      ['C', row('C', 1000, { sellable: false })],
    ]);
    const lines = [...input().lines, { id: 'l3', sku: 'C', quantity: 1, priceAtAddMinor: 1000 }];
    const priced = priceCart(input({ catalog, lines }));
    expect(priced.warnings.map((w) => [w.code, w.lineId])).toEqual([
      ['PRICE_CHANGED', 'l1'],
      ['PRODUCT_ARCHIVED', 'l2'],
      ['NOT_AVAILABLE_ON_CHANNEL', 'l3'],
    ]);
    expect(priced.cost.subtotalMinor).toBe(13_000);
    expect(priced.lines.map((line) => line.counted)).toEqual([true, false, false]);
  });

  it('keeps every code, with why it does not apply', () => {
    const evaluation: Evaluation = { ...NOTHING, rejectedCodes: new Map([['OLD', { reason: 'EXPIRED', message: 'ended' }]]) };
    expect(priceCart(input({ codes: ['RIDE10', 'OLD'], evaluation })).codes).toEqual([
      { code: 'RIDE10', applicable: true, reason: null, message: null },
      { code: 'OLD', applicable: false, reason: 'EXPIRED', message: 'ended' },
    ]);
  });
});
