/**
 * What a cart may choose: the shipping rates of the zone its country is in (SHIP), each store
 * that offers pickup with how much of the cart it can hand over now (PICKUP), and each such
 * store that lacks some of it while stock elsewhere covers the rest (SHIP_TO_STORE).
 */
import { shippingOptions, type ShippingZone } from '../pricing';
import { availableAt, availableFor } from './stock';
import type { Availability, CartLineInput, DeliveryOptionValue } from './types';

export function deliveryOptions(
  lines: readonly CartLineInput[],
  zones: readonly ShippingZone[],
  country: string | null,
  subtotalAfterDiscountsMinor: number,
  availability: Availability,
  shipToStoreDays: { min: number; max: number },
): DeliveryOptionValue[] {
  const options: DeliveryOptionValue[] = [];
  if (country) {
    for (const option of shippingOptions(zones, country, subtotalAfterDiscountsMinor)) {
      options.push({
        handle: `SHIP:${option.rateId}`,
        method: 'SHIP',
        title: option.name,
        priceMinor: option.effectivePriceMinor,
        shippingRateId: option.rateId,
        locationId: null,
        minDays: option.minDays,
        maxDays: option.maxDays,
        quantityAvailableNow: null,
      });
    }
  }
  const wanted = lines.reduce((sum, line) => sum + line.quantity, 0);
  for (const store of availability.locations.filter((location) => location.pickupEnabled)) {
    const here = lines.reduce((sum, line) => sum + Math.min(line.quantity, availableAt(availability, line.sku, store.id)), 0);
    options.push({
      handle: `PICKUP:${store.id}`,
      method: 'PICKUP',
      title: `Pick up at ${store.name}`,
      priceMinor: 0,
      shippingRateId: null,
      locationId: store.id,
      minDays: 0,
      maxDays: 0,
      quantityAvailableNow: here,
    });
    if (lines.length > 0 && here < wanted && lines.every((line) => availableFor(availability, line.sku, null) >= line.quantity)) {
      options.push({
        handle: `SHIP_TO_STORE:${store.id}`,
        method: 'SHIP_TO_STORE',
        title: `Send to ${store.name} for pickup`,
        priceMinor: 0,
        shippingRateId: null,
        locationId: store.id,
        minDays: shipToStoreDays.min,
        maxDays: shipToStoreDays.max,
        quantityAvailableNow: here,
      });
    }
  }
  return options;
}
