import { PaymentLedgerError, summarizePayment } from './ledger';
import type { PaymentEvent, PaymentEventKind, PaymentSummary } from './types';

/** `['CAPTURE', 500]` is a SUCCEEDED capture of 5.00; a third element sets the status. */
type Row = [PaymentEventKind, number, PaymentEvent['status']?];
const events = (rows: Row[]): PaymentEvent[] => rows.map(([kind, amountMinor, status = 'SUCCEEDED']) => ({ kind, amountMinor, status }));
const summary = (
  authorized: number,
  captured: number,
  refunded: number,
  voided: number,
  status: PaymentSummary['status'],
): PaymentSummary => ({
  authorizedMinor: authorized,
  capturedMinor: captured,
  refundedMinor: refunded,
  voidedMinor: voided,
  status,
});

describe('summarizePayment', () => {
  it.each<[string, Row[], PaymentSummary]>([
    ['no events yet', [], summary(0, 0, 0, 0, 'PENDING')],
    ['an authorization awaiting its answer', [['AUTHORIZE', 10_000, 'PENDING']], summary(0, 0, 0, 0, 'PENDING')],
    ['a declined authorization', [['AUTHORIZE', 10_000, 'DECLINED']], summary(0, 0, 0, 0, 'FAILED')],
    [
      'a timeout that settled',
      [
        ['AUTHORIZE', 10_000, 'PENDING'],
        ['AUTHORIZE', 10_000],
      ],
      summary(10_000, 0, 0, 0, 'AUTHORIZED'),
    ],
    [
      'a timeout that was declined in the end',
      [
        ['AUTHORIZE', 10_000, 'PENDING'],
        ['AUTHORIZE', 10_000, 'DECLINED'],
      ],
      summary(0, 0, 0, 0, 'FAILED'),
    ],
    [
      'a decline, then a retry still pending',
      [
        ['AUTHORIZE', 10_000, 'DECLINED'],
        ['AUTHORIZE', 10_000, 'PENDING'],
      ],
      summary(0, 0, 0, 0, 'PENDING'),
    ],
    ['an authorization', [['AUTHORIZE', 10_000]], summary(10_000, 0, 0, 0, 'AUTHORIZED')],
    [
      'a capture still pending counts nothing captured',
      [
        ['AUTHORIZE', 10_000],
        ['CAPTURE', 10_000, 'PENDING'],
      ],
      summary(10_000, 0, 0, 0, 'AUTHORIZED'),
    ],
    [
      'a declined capture',
      [
        ['AUTHORIZE', 10_000],
        ['CAPTURE', 10_000, 'DECLINED'],
      ],
      summary(10_000, 0, 0, 0, 'AUTHORIZED'),
    ],
    [
      'a part captured',
      [
        ['AUTHORIZE', 10_000],
        ['CAPTURE', 6000],
      ],
      summary(10_000, 6000, 0, 0, 'PARTIALLY_CAPTURED'),
    ],
    [
      'captured in two parts',
      [
        ['AUTHORIZE', 10_000],
        ['CAPTURE', 6000],
        ['CAPTURE', 4000],
      ],
      summary(10_000, 10_000, 0, 0, 'CAPTURED'),
    ],
    [
      'a part captured, the rest released',
      [
        ['AUTHORIZE', 10_000],
        ['CAPTURE', 6000],
        ['VOID', 4000],
      ],
      summary(10_000, 6000, 0, 4000, 'CAPTURED'),
    ],
    [
      'a void',
      [
        ['AUTHORIZE', 10_000],
        ['VOID', 10_000],
      ],
      summary(10_000, 0, 0, 10_000, 'VOIDED'),
    ],
    [
      'a void that failed',
      [
        ['AUTHORIZE', 10_000],
        ['VOID', 10_000, 'DECLINED'],
      ],
      summary(10_000, 0, 0, 0, 'AUTHORIZED'),
    ],
    [
      'a refund of part',
      [
        ['AUTHORIZE', 16_800],
        ['CAPTURE', 16_800],
        ['REFUND', 12_000],
      ],
      summary(16_800, 16_800, 12_000, 0, 'PARTIALLY_REFUNDED'),
    ],
    [
      'refunds of all of it',
      [
        ['AUTHORIZE', 16_800],
        ['CAPTURE', 16_800],
        ['REFUND', 12_000],
        ['REFUND', 4800],
      ],
      summary(16_800, 16_800, 16_800, 0, 'REFUNDED'),
    ],
    [
      'a refund still pending',
      [
        ['SALE', 16_800],
        ['REFUND', 16_800, 'PENDING'],
      ],
      summary(16_800, 16_800, 0, 0, 'CAPTURED'),
    ],
    ['a sale (gift card)', [['SALE', 2500]], summary(2500, 2500, 0, 0, 'CAPTURED')],
    [
      'a cash sale of 50.00 for 42.50',
      [
        ['SALE', 5000],
        ['CHANGE', 750],
      ],
      summary(4250, 4250, 0, 0, 'CAPTURED'),
    ],
    [
      'a cash sale refunded',
      [
        ['SALE', 5000],
        ['CHANGE', 750],
        ['REFUND', 4250],
      ],
      summary(4250, 4250, 4250, 0, 'REFUNDED'),
    ],
  ])('%s', (_, rows, expected) => {
    expect(summarizePayment(events(rows))).toEqual(expected);
  });

  it.each<[string, Row[], RegExp]>([
    [
      'more captured than authorized',
      [
        ['AUTHORIZE', 100],
        ['CAPTURE', 101],
      ],
      /Captured 101 and voided 0 exceed the 100 authorized/,
    ],
    [
      'a void of what was captured',
      [
        ['AUTHORIZE', 100],
        ['CAPTURE', 100],
        ['VOID', 1],
      ],
      /exceed the 100 authorized/,
    ],
    [
      'more refunded than captured',
      [
        ['SALE', 100],
        ['REFUND', 101],
      ],
      /Refunded 101 exceeds the 100 captured/,
    ],
    [
      'change above the tender',
      [
        ['SALE', 100],
        ['CHANGE', 101],
      ],
      /Change 101 exceeds the 100 tendered/,
    ],
    ['a fractional amount', [['SALE', 1.5]], /not a whole amount/],
    ['a negative amount', [['REFUND', -1, 'DECLINED']], /not a whole amount/],
  ])('throws on %s', (_, rows, message) => {
    expect(() => summarizePayment(events(rows))).toThrow(PaymentLedgerError);
    expect(() => summarizePayment(events(rows))).toThrow(message);
  });

  it('ignores declined and pending money when checking the sums', () => {
    expect(
      summarizePayment(
        events([
          ['AUTHORIZE', 100],
          ['CAPTURE', 500, 'DECLINED'],
          ['REFUND', 500, 'PENDING'],
        ]),
      ),
    ).toEqual(summary(100, 0, 0, 0, 'AUTHORIZED'));
  });
});
