/**
 * Integer arithmetic on minor units. A line of 999 units at 10^9 times a rate passes 2^53, where
 * a double silently drops cents, so those products are done in BigInt. Below 2^53 the quotient
 * is taken from an exact multiple (product − remainder), never from a rounded float division.
 */

/** `a × b ÷ c` for non-negative safe integers (c > 0): the floor quotient and the remainder, exact. */
export function mulDiv(a: number, b: number, c: number): { quotient: number; remainder: number } {
  const product = a * b;
  // A true product above 2^53 − 1 rounds to at least 2^53, so this test never lets one through.
  if (product <= Number.MAX_SAFE_INTEGER) {
    const remainder = product % c;
    return { quotient: (product - remainder) / c, remainder };
  }
  const big = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return { quotient: Number(big / divisor), remainder: Number(big % divisor) };
}

/** `a × b ÷ c` rounded to the nearest integer, exactly half rounded up. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const { quotient, remainder } = mulDiv(a, b, c);
  return remainder * 2 >= c ? quotient + 1 : quotient;
}
