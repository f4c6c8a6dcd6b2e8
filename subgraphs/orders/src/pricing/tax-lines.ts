/**
 * An order's tax per rate: what an invoice lists and what a tax return adds up. Rates are told
 * apart by name and basis points together, so two classes that share a rate and a name (REDUCED
 * and STANDARD both at 0% in a country without VAT) make one line.
 */
import type { TaxLine } from './types';

/** `taxLines` summed per rate, highest rate first, then by name. */
export function sumTaxLines(taxLines: readonly TaxLine[]): TaxLine[] {
  const byRate = new Map<string, TaxLine>();
  for (const line of taxLines) {
    const key = `${line.rateBasisPoints}\u0000${line.name}`;
    const sum = byRate.get(key);
    if (sum === undefined) byRate.set(key, { ...line });
    else sum.amountMinor += line.amountMinor;
  }
  return [...byRate.values()].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
