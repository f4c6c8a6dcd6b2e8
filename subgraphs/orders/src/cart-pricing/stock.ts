/** How many units of a SKU the chosen delivery can get: one store's for PICKUP, the online-fulfilling locations' otherwise. */
import type { Availability, DeliveryChoice } from './types';

export function availableFor(availability: Availability, sku: string, delivery: DeliveryChoice | null): number {
  if (delivery?.method === 'PICKUP' && delivery.locationId) return availableAt(availability, sku, delivery.locationId);
  const online = new Set(availability.locations.filter((location) => location.fulfillsOnlineOrders).map((location) => location.id));
  return availability.levels
    .filter((level) => level.sku === sku && online.has(level.locationId))
    .reduce((sum, level) => sum + level.available, 0);
}

export function availableAt(availability: Availability, sku: string, locationId: string): number {
  return availability.levels.find((level) => level.sku === sku && level.locationId === locationId)?.available ?? 0;
}
