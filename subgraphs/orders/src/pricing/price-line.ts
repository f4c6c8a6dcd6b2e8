/** One line's figures: subtotal, its discounts, the taxable net, and tax at the line's rate. */
import { taxOn } from './tax';
import type { DiscountAllocation, PricedLine, PricingLine, TaxRate } from './types';

/** `line` priced with `allocations` at `rate`; the caller has validated the input. */
export function priceLine(
  line: PricingLine,
  allocations: readonly DiscountAllocation[],
  rate: TaxRate,
  pricesIncludeTax: boolean,
): PricedLine {
  const subtotalMinor = line.quantity * line.unitPriceMinor;
  const discountMinor = allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  const netMinor = subtotalMinor - discountMinor;
  const taxMinor = taxOn(netMinor, rate.rateBasisPoints, pricesIncludeTax);
  return {
    id: line.id,
    subtotalMinor,
    discountMinor,
    netMinor,
    taxMinor,
    taxLines: [{ name: rate.name, rateBasisPoints: rate.rateBasisPoints, amountMinor: taxMinor }],
    totalMinor: pricesIncludeTax ? netMinor : netMinor + taxMinor,
  };
}
