/**
 * A destination's rates for the three classes. A region's own rate overrides its country's; a
 * class the country does not list is taxed like STANDARD, except ZERO, which is 0 % everywhere.
 * A country without rates is taxed at the shop country's, so a cart always has figures.
 */
import type { TaxRates } from '../pricing';
import type { Destination } from './destination';
import type { TaxRateRow } from './types';

export function taxRatesFor(
  rows: readonly TaxRateRow[],
  destination: Destination,
  shopCountryCode: string,
): { rates: TaxRates; countryCode: string } {
  const country = rows.some((row) => row.countryCode === destination.countryCode) ? destination.countryCode : shopCountryCode;
  const find = (taxClass: TaxRateRow['taxClass']) =>
    rows.find(
      (row) => row.countryCode === country && row.taxClass === taxClass && row.region !== null && row.region === destination.region,
    ) ?? rows.find((row) => row.countryCode === country && row.taxClass === taxClass && row.region === null);
  const standard = find('STANDARD');
  const asRate = (row: TaxRateRow | undefined) => (row ? { rateBasisPoints: row.rateBasisPoints, name: row.name } : undefined);
  const standardRate = asRate(standard) ?? { rateBasisPoints: 0, name: 'No tax' };
  return {
    countryCode: country,
    rates: {
      STANDARD: standardRate,
      REDUCED: asRate(find('REDUCED')) ?? standardRate,
      ZERO: asRate(find('ZERO')) ?? { rateBasisPoints: 0, name: 'Zero rate' },
    },
  };
}
