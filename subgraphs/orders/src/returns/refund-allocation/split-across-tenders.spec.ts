import { splitAcrossTenders } from './split-across-tenders';
import type { Tender } from './types';
import { RefundInputError } from './validate';

/** 168.00 paid: 5.00 in points, 15.00 on a gift card, 148.00 on the card, in the order checkout applied them. */
const tenders: Tender[] = [
  { paymentId: 'points', method: 'LOYALTY_POINTS', capturedMinor: 500, refundedMinor: 0 },
  { paymentId: 'gift', method: 'GIFT_CARD', capturedMinor: 1500, refundedMinor: 0 },
  { paymentId: 'card', method: 'TEST_CARD', capturedMinor: 14_800, refundedMinor: 0 },
];

describe('splitAcrossTenders', () => {
  it('gives a refund back to the card first: the last money in is the first out', () => {
    expect(splitAcrossTenders(12_000, tenders)).toEqual({
      ok: true,
      refunds: [{ paymentId: 'card', method: 'TEST_CARD', amountMinor: 12_000 }],
    });
  });

  it('moves on to store credit, gift card, then points once the card has had all it paid', () => {
    const afterFirst = tenders.map((t) => (t.paymentId === 'card' ? { ...t, refundedMinor: 12_000 } : t));
    const credit: Tender = { paymentId: 'credit', method: 'STORE_CREDIT', capturedMinor: 100, refundedMinor: 0 };
    expect(splitAcrossTenders(4800, [...afterFirst, credit])).toEqual({
      ok: true,
      refunds: [
        { paymentId: 'card', method: 'TEST_CARD', amountMinor: 2800 },
        { paymentId: 'credit', method: 'STORE_CREDIT', amountMinor: 100 },
        { paymentId: 'gift', method: 'GIFT_CARD', amountMinor: 1500 },
        { paymentId: 'points', method: 'LOYALTY_POINTS', amountMinor: 400 },
      ],
    });
  });

  it('refunds the gift card applied last first among two', () => {
    const two: Tender[] = [
      { paymentId: 'gift-a', method: 'GIFT_CARD', capturedMinor: 1000, refundedMinor: 0 },
      { paymentId: 'gift-b', method: 'GIFT_CARD', capturedMinor: 1000, refundedMinor: 0 },
    ];
    expect(splitAcrossTenders(1500, two)).toEqual({
      ok: true,
      refunds: [
        { paymentId: 'gift-b', method: 'GIFT_CARD', amountMinor: 1000 },
        { paymentId: 'gift-a', method: 'GIFT_CARD', amountMinor: 500 },
      ],
    });
  });

  it('gives cash back before the gift card at the till', () => {
    const till: Tender[] = [
      { paymentId: 'gift', method: 'GIFT_CARD', capturedMinor: 3000, refundedMinor: 0 },
      { paymentId: 'cash', method: 'CASH', capturedMinor: 2000, refundedMinor: 0 },
    ];
    expect(splitAcrossTenders(2500, till)).toMatchObject({
      ok: true,
      refunds: [
        { paymentId: 'cash', amountMinor: 2000 },
        { paymentId: 'gift', amountMinor: 500 },
      ],
    });
  });

  it("gives a card terminal's payment back to the card before store credit", () => {
    const till: Tender[] = [
      { paymentId: 'credit', method: 'STORE_CREDIT', capturedMinor: 1000, refundedMinor: 0 },
      { paymentId: 'terminal', method: 'CARD_EXTERNAL', capturedMinor: 2800, refundedMinor: 0 },
    ];
    expect(splitAcrossTenders(3000, till)).toMatchObject({
      ok: true,
      refunds: [
        { paymentId: 'terminal', amountMinor: 2800 },
        { paymentId: 'credit', amountMinor: 200 },
      ],
    });
  });

  it('never gives a tender more than it has left, and reports what cannot go back', () => {
    const spent = tenders.map((t) => ({ ...t, refundedMinor: t.paymentId === 'card' ? 14_800 : t.refundedMinor }));
    expect(splitAcrossTenders(2001, spent)).toEqual({ ok: false, code: 'REFUND_EXCEEDS_TENDERS', shortMinor: 1 });
    expect(splitAcrossTenders(1, [])).toEqual({ ok: false, code: 'REFUND_EXCEEDS_TENDERS', shortMinor: 1 });
  });

  it('uses only the methods a preference lists, in its order', () => {
    expect(splitAcrossTenders(2000, tenders, ['GIFT_CARD', 'LOYALTY_POINTS'])).toEqual({
      ok: true,
      refunds: [
        { paymentId: 'gift', method: 'GIFT_CARD', amountMinor: 1500 },
        { paymentId: 'points', method: 'LOYALTY_POINTS', amountMinor: 500 },
      ],
    });
    expect(splitAcrossTenders(2001, tenders, ['GIFT_CARD', 'LOYALTY_POINTS'])).toMatchObject({ ok: false, shortMinor: 1 });
  });

  it('splits nothing into nothing', () => {
    expect(splitAcrossTenders(0, tenders)).toEqual({ ok: true, refunds: [] });
  });

  it.each([
    ['a fractional amount', () => splitAcrossTenders(1.5, tenders), /refund amount 1.5/],
    ['a negative amount', () => splitAcrossTenders(-1, tenders), /refund amount -1/],
    ['a tender refunded beyond its capture', () => splitAcrossTenders(1, [{ ...tenders[0], refundedMinor: 501 }]), /501 refunded of 500/],
    ['a payment listed twice', () => splitAcrossTenders(1, [tenders[0], tenders[0]]), /listed twice/],
  ])('throws on %s', (_, run, message) => {
    expect(run).toThrow(RefundInputError);
    expect(run).toThrow(message);
  });
});
