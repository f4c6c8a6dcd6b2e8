/**
 * Where a cart goes decides its tax and its shipping: the address (or the buyer's country) for
 * SHIP, the store's country for PICKUP and SHIP_TO_STORE, the shop's own country before either is
 * known (a till sells at the shop).
 */
import type { ShippingZone } from '../pricing';
import type { Availability, DeliveryChoice } from './types';

export interface Destination {
  countryCode: string;
  region: string | null;
}

/** The country (and region) whose rates tax the cart. */
export function taxDestination(
  delivery: DeliveryChoice | null,
  buyerCountryCode: string | null,
  availability: Availability,
  shopCountryCode: string,
): Destination {
  if (delivery && delivery.method !== 'SHIP' && delivery.locationId) {
    const store = availability.locations.find((location) => location.id === delivery.locationId);
    if (store) return { countryCode: store.countryCode, region: store.province };
  }
  if (delivery?.method === 'SHIP' && delivery.addressCountryCode)
    return { countryCode: delivery.addressCountryCode, region: delivery.addressProvince };
  return { countryCode: buyerCountryCode ?? shopCountryCode, region: null };
}

/** The country goods would ship to: the delivery address's, else the buyer's; null when neither is known. */
export function shipCountry(delivery: DeliveryChoice | null, buyerCountryCode: string | null): string | null {
  return delivery?.addressCountryCode ?? buyerCountryCode;
}

/** The listed price of the chosen SHIP rate, when it serves the destination; 0 otherwise. Promotions' free shipping takes off this. */
export function chosenShippingListPrice(
  zones: readonly ShippingZone[],
  delivery: DeliveryChoice | null,
  buyerCountryCode: string | null,
): number {
  const rate = chosenRate(zones, delivery, buyerCountryCode);
  return rate?.priceMinor ?? 0;
}

/** The chosen SHIP rate, when the zone of the destination has it. */
export function chosenRate(zones: readonly ShippingZone[], delivery: DeliveryChoice | null, buyerCountryCode: string | null) {
  if (delivery?.method !== 'SHIP' || !delivery.shippingRateId) return null;
  const country = shipCountry(delivery, buyerCountryCode);
  if (!country) return null;
  const zone = zones.find((candidate) => candidate.countries.includes(country));
  return zone?.rates.find((rate) => rate.id === delivery.shippingRateId) ?? null;
}
