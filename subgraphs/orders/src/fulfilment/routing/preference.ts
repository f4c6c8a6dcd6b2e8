/**
 * The order in which locations are preferred once package counts are equal: the managers'
 * ranking (lower first, unranked last), then distance to the destination (unknown last), then
 * id, so equal locations are never chosen by the order the caller happened to list them in.
 */
import { haversineKm } from './haversine';
import type { CandidateLocation, Coordinates } from './types';

/** A location with its distance to the destination, null when either end has no coordinates. */
export interface RankedLocation {
  location: CandidateLocation;
  distanceKm: number | null;
}

/** `locations` from most to least preferred for shipping to `destination`. */
export function byPreference(locations: readonly CandidateLocation[], destination: Coordinates | null): RankedLocation[] {
  return locations
    .map((location) => ({
      location,
      distanceKm: destination === null || location.coordinates === null ? null : haversineKm(location.coordinates, destination),
    }))
    .sort(comparePreference);
}

function comparePreference(a: RankedLocation, b: RankedLocation): number {
  return (
    compareNullLast(a.location.rank, b.location.rank) ||
    compareNullLast(a.distanceKm, b.distanceKm) ||
    (a.location.id < b.location.id ? -1 : a.location.id > b.location.id ? 1 : 0)
  );
}

function compareNullLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}
