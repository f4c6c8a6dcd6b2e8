import { evaluate } from './evaluate';
import { makeInput, makeLine, makeRule } from './fixtures';
import type { EvaluationInput } from './types';

const basket = (codes: string[]): EvaluationInput =>
  makeInput({ lines: [makeLine({ id: 'l', quantity: 1, unitPriceMinor: 10_000 })], codes });

const spring = makeRule({
  id: 'spring',
  code: 'SPRING10',
  value: { type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' },
});

describe('evaluate: entered codes', () => {
  it('matches a code whatever its case and surrounding spaces', () => {
    const result = evaluate([spring], basket(['  spring10\t']));
    expect(result.applied).toEqual([{ discountId: 'spring', title: 'spring', code: 'SPRING10', class: 'PRODUCT', amountMinor: 1000 }]);
    expect(result.rejectedCodes).toEqual([]);
  });

  it('rejects a code that matches no discount, naming it as normalised', () => {
    const result = evaluate([spring], basket(['spring10', ' winter5 ']));
    expect(result.applied.map((a) => a.discountId)).toEqual(['spring']);
    expect(result.rejectedCodes).toEqual([{ code: 'WINTER5', reason: 'UNKNOWN', message: 'Code "WINTER5" is not a valid discount code' }]);
  });

  it('reports a code typed twice once, and ignores blank entries', () => {
    const result = evaluate([], basket(['nope', 'NOPE ', '   ', '']));
    expect(result.rejectedCodes).toEqual([{ code: 'NOPE', reason: 'UNKNOWN', message: 'Code "NOPE" is not a valid discount code' }]);
  });

  it('applies a discount once even when its code is typed twice', () => {
    const result = evaluate([spring], basket(['SPRING10', 'spring10']));
    expect(result.applied).toHaveLength(1);
    expect(result.productDiscountMinor).toBe(1000);
  });

  it('does not apply a code discount whose code was not entered, even if passed in', () => {
    const result = evaluate([spring], basket([]));
    expect(result.applied).toEqual([]);
    expect(result.rejectedCodes).toEqual([]);
  });

  it('matches a rule whose stored code was not normalised', () => {
    const result = evaluate([{ ...spring, code: ' Spring10' }], basket(['SPRING10']));
    expect(result.applied).toHaveLength(1);
  });

  it('lists rejections in the order the codes were typed', () => {
    const expired = makeRule({ id: 'old', code: 'OLD', active: false });
    const result = evaluate([expired], basket(['zzz', 'old', 'aaa']));
    expect(result.rejectedCodes.map((r) => [r.code, r.reason])).toEqual([
      ['ZZZ', 'UNKNOWN'],
      ['OLD', 'INACTIVE'],
      ['AAA', 'UNKNOWN'],
    ]);
  });
});
