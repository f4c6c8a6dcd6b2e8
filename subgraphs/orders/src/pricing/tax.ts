/**
 * Tax on one amount at one rate, rounded half up once per line (not per unit, not per order),
 * which is what the order stores and what a refund later takes back.
 */
import { mulDivHalfUp } from './money';

/**
 * The tax on `amountMinor` at `rateBasisPoints`. Inclusive: the tax inside the amount,
 * amount × r ÷ (10000 + r); exclusive: the tax to add, amount × r ÷ 10000. Half a cent rounds up.
 */
export function taxOn(amountMinor: number, rateBasisPoints: number, pricesIncludeTax: boolean): number {
  const divisor = pricesIncludeTax ? 10_000 + rateBasisPoints : 10_000;
  return mulDivHalfUp(amountMinor, rateBasisPoints, divisor);
}
