import { evaluate } from './evaluate';
import { makeInput, makeLine, makeRule, NOW } from './fixtures';
import type { DiscountRule, EvaluationInput } from './types';

/** 40.00 of shoes (2 units) and 20.00 of hats (1 unit), entered code "spring10", a regular customer. */
const basket = (overrides: Partial<EvaluationInput> = {}): EvaluationInput =>
  makeInput({
    lines: [
      makeLine({ id: 'shoes', productId: 'p-shoes', categoryIds: ['footwear'], quantity: 2, unitPriceMinor: 2000 }),
      makeLine({ id: 'hat', productId: 'p-hat', categoryIds: ['headwear'], quantity: 1, unitPriceMinor: 2000 }),
    ],
    customer: { id: 'c-1', segmentIds: ['regular'] },
    codes: ['spring10'],
    ...overrides,
  });

const spring = (overrides: Partial<DiscountRule> = {}): DiscountRule => makeRule({ id: 'spring', code: 'SPRING10', ...overrides });
const footwear = { type: 'CATEGORIES' as const, productIds: [], categoryIds: ['footwear'] };

/** The single rejection of SPRING10, or null when it applied. */
function verdict(rule: DiscountRule, input: EvaluationInput = basket()): { reason: string; message: string } | null {
  const result = evaluate([rule], input);
  if (result.applied.length > 0) {
    expect(result.rejectedCodes).toEqual([]);
    return null;
  }
  expect(result.rejectedCodes).toHaveLength(1);
  const [{ code, reason, message }] = result.rejectedCodes;
  expect(code).toBe('SPRING10');
  return { reason, message };
}

const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);

describe('evaluate: conditions and why a code is rejected', () => {
  it('applies a live code', () => {
    expect(verdict(spring())).toBeNull();
  });

  it('rejects a deactivated code', () => {
    expect(verdict(spring({ active: false }))).toEqual({ reason: 'INACTIVE', message: 'Code "SPRING10" is no longer active' });
  });

  it('rejects a code before it starts and applies it from its start', () => {
    expect(verdict(spring({ startsAt: at(1) }))).toEqual({
      reason: 'NOT_STARTED',
      message: 'Code "SPRING10" is not valid until 2026-06-15T12:00:00.001Z',
    });
    expect(verdict(spring({ startsAt: NOW }))).toBeNull();
  });

  it('rejects a code from the instant it ends', () => {
    expect(verdict(spring({ endsAt: NOW }))).toEqual({
      reason: 'EXPIRED',
      message: 'Code "SPRING10" expired at 2026-06-15T12:00:00.000Z',
    });
    expect(verdict(spring({ endsAt: at(1) }))).toBeNull();
  });

  it('rejects a code on a channel it is not enabled for', () => {
    expect(verdict(spring({ channels: ['POS', 'KIOSK'] }))).toEqual({
      reason: 'NOT_FOR_CHANNEL',
      message: 'Code "SPRING10" cannot be used on WEB',
    });
    expect(verdict(spring({ channels: ['POS', 'WEB'] }))).toBeNull();
  });

  it('rejects a code for customers outside its segments, guests included', () => {
    const vip = spring({ segmentIds: ['vip', 'staff'] });
    const notFor = { reason: 'NOT_FOR_CUSTOMER', message: 'Code "SPRING10" is not available to this customer' };
    expect(verdict(vip)).toEqual(notFor);
    expect(verdict(vip, basket({ customer: { id: null, segmentIds: [] } }))).toEqual(notFor);
    expect(verdict(vip, basket({ customer: { id: 'c-2', segmentIds: ['regular', 'staff'] } }))).toBeNull();
  });

  it('rejects a code below the minimum subtotal of its targeted lines', () => {
    // The basket is 60.00 but only 40.00 of it is footwear.
    expect(verdict(spring({ target: footwear, minimumSubtotalMinor: 5000 }))).toEqual({
      reason: 'MINIMUM_NOT_MET',
      message: 'Code "SPRING10" needs a subtotal of at least 50.00 on eligible items (now 40.00)',
    });
    expect(verdict(spring({ target: footwear, minimumSubtotalMinor: 4000 }))).toBeNull();
    expect(verdict(spring({ minimumSubtotalMinor: 5000 }))).toBeNull();
  });

  it('rejects a code below the minimum quantity of its targeted lines', () => {
    expect(verdict(spring({ target: footwear, minimumQuantity: 3 }))).toEqual({
      reason: 'MINIMUM_NOT_MET',
      message: 'Code "SPRING10" needs at least 3 eligible items (now 2)',
    });
    expect(verdict(spring({ target: footwear, minimumQuantity: 2 }))).toBeNull();
    expect(verdict(spring({ minimumQuantity: 3 }))).toBeNull();
  });

  it('rejects a code whose total usage limit is reached', () => {
    expect(verdict(spring({ usageLimit: 100, usageCount: 100 }))).toEqual({
      reason: 'USAGE_LIMIT_REACHED',
      message: 'Code "SPRING10" has reached its usage limit',
    });
    expect(verdict(spring({ usageLimit: 100, usageCount: 99 }))).toBeNull();
  });

  it('rejects a code this customer has used up', () => {
    expect(verdict(spring({ usageLimitPerCustomer: 2, customerUsageCount: 2 }))).toEqual({
      reason: 'USAGE_LIMIT_REACHED',
      message: 'Code "SPRING10" has already been used the maximum number of times by this customer',
    });
    expect(verdict(spring({ usageLimitPerCustomer: 2, customerUsageCount: 1 }))).toBeNull();
  });

  it('rejects a code limited per customer for a guest, whose uses cannot be counted', () => {
    const guest = basket({ customer: { id: null, segmentIds: [] } });
    expect(verdict(spring({ usageLimitPerCustomer: 1 }), guest)).toEqual({
      reason: 'CUSTOMER_REQUIRED',
      message: 'Code "SPRING10" is limited per customer: sign in to use it',
    });
    expect(verdict(spring({ usageLimitPerCustomer: 1 }))).toBeNull();
    // Signing in would not help a code that is used up for everyone: that is said first.
    expect(verdict(spring({ usageLimitPerCustomer: 1, usageLimit: 5, usageCount: 5 }), guest)?.reason).toBe('USAGE_LIMIT_REACHED');
  });

  it('does not apply an automatic discount limited per customer to a guest, and says nothing', () => {
    const once = makeRule({ id: 'first-order', usageLimitPerCustomer: 1 });
    const guest = evaluate([once], basket({ codes: [], customer: { id: null, segmentIds: [] } }));
    expect(guest.applied).toEqual([]);
    expect(guest.rejectedCodes).toEqual([]);
    expect(evaluate([once], basket({ codes: [] })).applied.map((a) => a.discountId)).toEqual(['first-order']);
  });

  it('rejects a code for products that are not in the basket', () => {
    const target = { type: 'PRODUCTS' as const, productIds: ['p-gloves'], categoryIds: [] };
    expect(verdict(spring({ target, minimumQuantity: 1 }))).toEqual({
      reason: 'NOT_APPLICABLE',
      message: 'Code "SPRING10" does not apply to any item in the basket',
    });
  });

  it('reports the first failing check: a dead code before a minimum', () => {
    expect(verdict(spring({ active: false, endsAt: NOW, minimumSubtotalMinor: 1_000_000 }))?.reason).toBe('INACTIVE');
    expect(verdict(spring({ endsAt: NOW, channels: ['POS'] }))?.reason).toBe('EXPIRED');
  });

  it('applies the same conditions to automatic discounts, silently', () => {
    const rules = [
      makeRule({ id: 'expired', endsAt: NOW }),
      makeRule({ id: 'pos-only', channels: ['POS'] }),
      makeRule({ id: 'too-big', minimumSubtotalMinor: 10_000 }),
      makeRule({ id: 'used-up', usageLimit: 1, usageCount: 1 }),
    ];
    const result = evaluate(rules, basket({ codes: [] }));
    expect(result.applied).toEqual([]);
    expect(result.rejectedCodes).toEqual([]);
    expect(result.totalMinor).toBe(6000);
  });
});
