import { evaluate } from './evaluate';
import { makeInput, makeLine, makeRule } from './fixtures';
import type { DiscountRule, EvaluationInput } from './types';
import { EvaluationInputError } from './validate';

function rejection(rules: DiscountRule[], input: EvaluationInput): EvaluationInputError {
  try {
    evaluate(rules, input);
  } catch (error) {
    if (error instanceof EvaluationInputError) return error;
    throw error;
  }
  throw new Error('evaluate accepted malformed input');
}

describe('evaluate: malformed input is thrown with a code', () => {
  const basket = makeInput({ lines: [makeLine({ id: 'l' })] });

  it.each([
    ['a fractional price', [], makeInput({ lines: [makeLine({ id: 'l', unitPriceMinor: 10.5 })] }), /unitPriceMinor/],
    ['a zero quantity', [], makeInput({ lines: [makeLine({ id: 'l', quantity: 0 })] }), /quantity/],
    ['negative shipping', [], makeInput({ shippingMinor: -1 }), /shippingMinor/],
    ['a line id used twice', [], makeInput({ lines: [makeLine({ id: 'l' }), makeLine({ id: 'l' })] }), /line id l appears twice/],
    ['an invalid date', [], makeInput({ now: new Date('nope') }), /now/],
    ['a blank customer id', [], makeInput({ customer: { id: ' ', segmentIds: [] } }), /customer id is blank/],
    [
      'a discount over 100%',
      [makeRule({ id: 'r', value: { type: 'PERCENTAGE', basisPoints: 10_001, scope: 'ITEMS' } })],
      basket,
      /basisPoints/,
    ],
    [
      'a negative amount',
      [makeRule({ id: 'r', value: { type: 'FIXED_AMOUNT', amountMinor: -100, scope: 'ORDER' } })],
      basket,
      /amountMinor/,
    ],
    [
      'buy zero get one',
      [makeRule({ id: 'r', value: { type: 'BUY_X_GET_Y', buyQuantity: 0, getQuantity: 1, getBasisPoints: 10_000 } })],
      basket,
      /buyQuantity/,
    ],
    ['a discount id used twice', [makeRule({ id: 'r' }), makeRule({ id: 'r' })], basket, /discount id r appears twice/],
  ] as const)('rejects %s', (_, rules, input, message) => {
    const error = rejection([...rules], input);
    expect(error.code).toBe('INVALID_EVALUATION_INPUT');
    expect(error.message).toMatch(message);
  });
});
