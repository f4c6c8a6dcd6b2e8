/** Great-circle distance, good to about 0.5% on the real (slightly flattened) Earth: enough to rank locations. */
import type { Coordinates } from './types';

/** The IUGG mean Earth radius. */
const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Kilometres between `a` and `b` along the Earth's surface, by the haversine formula. */
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const dLatitude = toRadians(b.latitude - a.latitude);
  const dLongitude = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLatitude / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLongitude / 2) ** 2;
  // Rounding can push h a hair past 1 for antipodal points, where asin would give NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
