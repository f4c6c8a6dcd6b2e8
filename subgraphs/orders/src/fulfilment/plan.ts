/**
 * Where a checkout holds each line's stock (ORDERS.md, Routing and fulfilment): PICKUP at the
 * chosen store; SHIP by the routing rule among locations that fulfil online orders, nearest the
 * address on ties; SHIP_TO_STORE by the same rule towards the pickup store, from anywhere but
 * that store. Pure: the stock figures are a snapshot the caller read, and inventory's guarded
 * hold has the last word.
 */
import type { StockAvailabilityResult } from '#contracts/inventory';
import type { PricedCart } from '../checkout/types';
import { routeOrder, type CandidateLocation, type Coordinates } from './routing';

/** Units of one SKU to hold at one location. */
export interface Placement {
  sku: string;
  locationId: string;
  quantity: number;
}

export type PlanResult = { ok: true; placements: Placement[] } | { ok: false; sku: string; missing: number };

/** PICKUP holds every line at the chosen store, whatever the figures say; null for a delivery that is routed. */
export function pickupPlacements(cart: PricedCart): Placement[] | null {
  const delivery = cart.delivery;
  if (delivery?.method !== 'PICKUP' || !delivery.locationId) return null;
  const store = delivery.locationId;
  return cart.lines.map((line) => ({ sku: line.sku, locationId: store, quantity: line.quantity }));
}

export function planPlacements(cart: PricedCart, availability: StockAvailabilityResult): PlanResult {
  const pickup = pickupPlacements(cart);
  if (pickup) return { ok: true, placements: pickup };
  const delivery = cart.delivery;
  const shipToStore = delivery?.method === 'SHIP_TO_STORE' ? delivery.locationId : null;
  const store = shipToStore ? availability.locations.find((l) => l.id === shipToStore) : undefined;
  const destination: Coordinates | null = shipToStore ? coordinatesOf(store) : (delivery?.near ?? null);
  const result = routeOrder({
    lines: cart.lines.map((line, index) => ({ lineId: String(index), sku: line.sku, quantity: line.quantity })),
    locations: candidates(availability).filter((location) => location.id !== shipToStore),
    destination,
  });
  if (!result.ok) return { ok: false, sku: result.shortfall[0].sku, missing: result.shortfall[0].missing };
  const held = new Map<string, Placement>();
  for (const assignment of result.assignments) {
    for (const line of assignment.lines) {
      const key = `${line.sku}@${assignment.locationId}`;
      const placement = held.get(key) ?? { sku: line.sku, locationId: assignment.locationId, quantity: 0 };
      placement.quantity += line.quantity;
      held.set(key, placement);
    }
  }
  return { ok: true, placements: [...held.values()] };
}

function candidates(availability: StockAvailabilityResult): CandidateLocation[] {
  const available = new Map<string, Record<string, number>>();
  for (const level of availability.levels) {
    const at = available.get(level.locationId) ?? {};
    at[level.sku] = level.available;
    available.set(level.locationId, at);
  }
  return availability.locations.map((location) => ({
    id: location.id,
    fulfillsOnlineOrders: location.fulfillsOnlineOrders,
    pickupEnabled: location.pickupEnabled,
    rank: location.fulfillmentRank,
    coordinates: coordinatesOf(location),
    available: available.get(location.id) ?? {},
  }));
}

function coordinatesOf(location: { latitude: number | null; longitude: number | null } | undefined): Coordinates | null {
  return location && location.latitude !== null && location.longitude !== null
    ? { latitude: location.latitude, longitude: location.longitude }
    : null;
}
