/**
 * Integer arithmetic on minor units. Amounts times basis points or line weights can pass 2^53
 * for large B2B baskets, so products that would lose precision are done in BigInt instead of
 * silently rounding a cent away.
 */

/** `a * b` divided by `c` (all non-negative integers, c > 0): floor quotient and remainder, exact. */
export function mulDiv(a: number, b: number, c: number): { quotient: number; remainder: number } {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) {
    return { quotient: Math.floor(product / c), remainder: product % c };
  }
  const big = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return { quotient: Number(big / divisor), remainder: Number(big % divisor) };
}

/** `basisPoints` of `amountMinor`, half a minor unit rounded up (the customer's favour). */
export function percentOf(amountMinor: number, basisPoints: number): number {
  const { quotient, remainder } = mulDiv(amountMinor, basisPoints, 10_000);
  return remainder * 2 >= 10_000 ? quotient + 1 : quotient;
}

/**
 * Minor units as a plain decimal with two places, for messages. The contract carries no
 * currency, so two decimals is an assumption (wrong for JPY or KWD).
 */
export function formatMinor(amountMinor: number): string {
  const whole = Math.floor(amountMinor / 100);
  const cents = amountMinor % 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}
