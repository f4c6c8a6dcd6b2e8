import { formatMinorUnits, MoneyFormatError, parseMinorUnits } from './money';

describe('money in minor units', () => {
  it.each([
    ['19.99', 'EUR', 1999],
    ['19.9', 'EUR', 1990],
    ['19.990', 'EUR', 1999],
    ['0', 'EUR', 0],
    ['-5.05', 'EUR', -505],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['90071992547409.91', 'EUR', 9007199254740991],
  ] as const)('parses %s %s as %i', (amount, currency, minor) => {
    expect(parseMinorUnits(amount, currency)).toBe(minor);
  });

  it.each([
    ['19.999', 'EUR', /at most 2 decimal places/],
    ['1.5', 'JPY', /at most 0 decimal places/],
    ['1e3', 'EUR', /not a decimal amount/],
    ['12,50', 'EUR', /not a decimal amount/],
    ['', 'EUR', /not a decimal amount/],
    ['90071992547409.92', 'EUR', /too large/],
  ] as const)('refuses %j %s rather than rounding', (amount, currency, message) => {
    expect(() => parseMinorUnits(amount, currency)).toThrow(MoneyFormatError);
    expect(() => parseMinorUnits(amount, currency)).toThrow(message);
  });

  it.each([
    [1999, 'EUR', '19.99'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1500, 'JPY', '1500'],
    [1234, 'BHD', '1.234'],
  ] as const)('formats %i %s as %s', (minor, currency, text) => {
    expect(formatMinorUnits(minor, currency)).toBe(text);
  });

  it('round-trips every cent of a range exactly', () => {
    for (let minor = -1000; minor <= 1000; minor += 7) {
      expect(parseMinorUnits(formatMinorUnits(minor, 'EUR'), 'EUR')).toBe(minor);
    }
  });
});
