/** Great-circle distance in kilometres (haversine; the earth as a sphere of radius 6371 km). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Locations nearest first (those without coordinates last), or by name without a point. */
export function byDistance<L extends { name: string; latitude: number | null; longitude: number | null }>(
  locations: L[],
  near: { latitude: number; longitude: number } | null | undefined,
): { location: L; distanceKm: number | null }[] {
  const withDistance = locations.map((location) => ({
    location,
    distanceKm:
      near && location.latitude !== null && location.longitude !== null
        ? distanceKm(near, { latitude: location.latitude, longitude: location.longitude })
        : null,
  }));
  return withDistance.sort((a, b) => {
    if (a.distanceKm === null || b.distanceKm === null) {
      return a.distanceKm === b.distanceKm ? a.location.name.localeCompare(b.location.name) : a.distanceKm === null ? 1 : -1;
    }
    return a.distanceKm - b.distanceKm;
  });
}
