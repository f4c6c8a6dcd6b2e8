/**
 * Prices a cart or order once its discounts are known. Tax is computed per line after the line's
 * discounts, rounded half up per line, and shipping is taxed after its discount at the STANDARD
 * rate. Every figure is an integer and the totals are sums of the lines, so the order stores
 * numbers that agree with each other to the cent.
 */
import { priceLine } from './price-line';
import { taxOn } from './tax';
import { sumTaxLines } from './tax-lines';
import type { DiscountAllocation, PricingInput, PricingResult, TaxLine } from './types';
import { assertValidPricingInput } from './validate';

/** The figures of `input`. Throws PricingInputError on malformed input; never touches I/O. */
export function priceOrder(input: PricingInput): PricingResult {
  assertValidPricingInput(input);
  const { pricesIncludeTax, taxRates } = input;
  const allocationsByLine = new Map<string, DiscountAllocation[]>(input.discounts.map((entry) => [entry.lineId, entry.allocations]));
  const lines = input.lines.map((line) => priceLine(line, allocationsByLine.get(line.id) ?? [], taxRates[line.taxClass], pricesIncludeTax));

  const shippingMinor = input.shipping.afterDiscountMinor;
  const standard = taxRates.STANDARD;
  const shippingTaxMinor = taxOn(shippingMinor, standard.rateBasisPoints, pricesIncludeTax);
  const allTaxLines: TaxLine[] = lines.flatMap((line) => line.taxLines);
  // Free shipping adds no line at the standard rate on an order that has none otherwise.
  if (shippingMinor > 0)
    allTaxLines.push({ name: standard.name, rateBasisPoints: standard.rateBasisPoints, amountMinor: shippingTaxMinor });

  const subtotalMinor = sum(lines.map((line) => line.subtotalMinor));
  const discountTotalMinor = sum(lines.map((line) => line.discountMinor));
  const taxTotalMinor = sum(lines.map((line) => line.taxMinor)) + shippingTaxMinor;
  const totalMinor = subtotalMinor - discountTotalMinor + shippingMinor + (pricesIncludeTax ? 0 : taxTotalMinor);
  return {
    lines,
    totals: {
      subtotalMinor,
      discountTotalMinor,
      shippingMinor,
      shippingDiscountMinor: input.shipping.beforeDiscountMinor - shippingMinor,
      shippingTaxMinor,
      taxTotalMinor,
      taxLines: sumTaxLines(allTaxLines),
      totalMinor,
    },
  };
}

function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
