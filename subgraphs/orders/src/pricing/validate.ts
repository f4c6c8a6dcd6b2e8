/**
 * Malformed input is a bug in the caller, not a customer mistake, so it is thrown: a fractional
 * price, a discount larger than its line or an allocation to a line that is not there would
 * otherwise break the guarantee that every figure is a whole, non-negative amount.
 */
import type { PricingInput, TaxClass } from './types';

/** Bounds that keep every product of two amounts exact in BigInt and every sum below 2^53. */
export const MAX_QUANTITY = 999;
export const MAX_UNIT_PRICE_MINOR = 1_000_000_000;

const TAX_CLASSES: readonly TaxClass[] = ['STANDARD', 'REDUCED', 'ZERO'];

/** Thrown for input the engine cannot price; `code` lets the GraphQL layer map it. */
export class PricingInputError extends Error {
  readonly code = 'INVALID_PRICING_INPUT';
  override readonly name = 'PricingInputError';
}

/** Throws PricingInputError on the first value outside the contract. */
export function assertValidPricingInput(input: PricingInput): void {
  for (const taxClass of TAX_CLASSES) {
    const rate = input.taxRates[taxClass];
    if (rate === undefined) fail(`no tax rate for ${taxClass}`);
    whole(rate.rateBasisPoints, 0, 10_000, `${taxClass} rateBasisPoints`);
  }
  const subtotals = new Map<string, number>();
  for (const line of input.lines) {
    if (subtotals.has(line.id)) fail(`line id ${line.id} appears twice`);
    whole(line.quantity, 1, MAX_QUANTITY, `line ${line.id} quantity`);
    whole(line.unitPriceMinor, 0, MAX_UNIT_PRICE_MINOR, `line ${line.id} unitPriceMinor`);
    if (!TAX_CLASSES.includes(line.taxClass)) fail(`line ${line.id} taxClass ${String(line.taxClass)} is unknown`);
    subtotals.set(line.id, line.quantity * line.unitPriceMinor);
  }
  const discounted = new Set<string>();
  for (const { lineId, allocations } of input.discounts) {
    const subtotal = subtotals.get(lineId);
    if (subtotal === undefined) fail(`discounts name line ${lineId}, which is not in the lines`);
    if (discounted.has(lineId)) fail(`discounts list line ${lineId} twice`);
    discounted.add(lineId);
    let sum = 0;
    for (const allocation of allocations) {
      whole(allocation.amountMinor, 0, subtotal, `allocation of ${allocation.discountId} on line ${lineId}`);
      sum += allocation.amountMinor;
    }
    if (sum > subtotal) fail(`line ${lineId} is discounted ${sum}, more than its subtotal ${subtotal}`);
  }
  const { beforeDiscountMinor, afterDiscountMinor } = input.shipping;
  whole(beforeDiscountMinor, 0, Number.MAX_SAFE_INTEGER, 'shipping beforeDiscountMinor');
  whole(afterDiscountMinor, 0, beforeDiscountMinor, 'shipping afterDiscountMinor');
}

function whole(value: number, minimum: number, maximum: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < minimum || value > maximum) {
    fail(`${what} must be an integer from ${minimum} to ${maximum}, got ${value}`);
  }
}

function fail(message: string): never {
  throw new PricingInputError(message);
}
