/**
 * Which shipping rates a destination is offered, and what each costs this cart. A country
 * belongs to one zone; should the configuration list it in two, the first zone listed wins, so
 * the answer never depends on anything but the input. Rates keep the order the zone lists them
 * in, which is the order the shop chose to show them.
 */
import type { ShippingOption, ShippingZone } from './types';

/**
 * The rates of the zone containing `countryCode` (compared trimmed and upper-cased; none when no
 * zone contains it), each free when `subtotalAfterDiscountsMinor` reaches its threshold.
 */
export function shippingOptions(
  zones: readonly ShippingZone[],
  countryCode: string,
  subtotalAfterDiscountsMinor: number,
): ShippingOption[] {
  const country = countryCode.trim().toUpperCase();
  const zone = zones.find((candidate) => candidate.countries.some((code) => code.trim().toUpperCase() === country));
  if (zone === undefined) return [];
  return zone.rates.map((rate) => {
    const free = rate.freeAboveMinor !== null && subtotalAfterDiscountsMinor >= rate.freeAboveMinor;
    return {
      zoneId: zone.id,
      rateId: rate.id,
      name: rate.name,
      priceMinor: rate.priceMinor,
      effectivePriceMinor: free ? 0 : rate.priceMinor,
      free,
      minDays: rate.minDays,
      maxDays: rate.maxDays,
    };
  });
}
