import { cashChange } from './cash';

describe('cashChange', () => {
  it.each([
    [4250, 5000, 750],
    [4250, 4250, 0],
    [0, 2000, 2000],
    [1, 1_000_000_000_000, 999_999_999_999],
  ])('due %i, tendered %i: change %i', (due, tendered, change) => {
    expect(cashChange(due, tendered)).toEqual({ ok: true, changeMinor: change });
  });

  it('says how much is short when too little is tendered, never a negative change', () => {
    expect(cashChange(4250, 4000)).toEqual({ ok: false, code: 'INSUFFICIENT_TENDER', shortMinor: 250 });
    expect(cashChange(1, 0)).toEqual({ ok: false, code: 'INSUFFICIENT_TENDER', shortMinor: 1 });
  });

  it('throws on amounts that are not whole', () => {
    expect(() => cashChange(42.5, 50)).toThrow(/due 42.5/);
    expect(() => cashChange(100, -5)).toThrow(/tendered -5/);
    expect(() => cashChange(NaN, 5)).toThrow(RangeError);
  });
});
