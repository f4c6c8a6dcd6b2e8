/** Whether the online locations together can fill the order at all, before any choosing. */
import type { CandidateLocation, RoutingLine, Shortage } from './types';

/** Units of a SKU a location can give; below zero (oversold) is none. */
export function availableAt(location: CandidateLocation, sku: string): number {
  return Math.max(0, location.available[sku] ?? 0);
}

/** Per SKU, in order of first appearance, the units `locations` lack between them; empty when they have enough. */
export function shortfall(lines: readonly RoutingLine[], locations: readonly CandidateLocation[]): Shortage[] {
  const demand = new Map<string, number>();
  for (const line of lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
  const shortages: Shortage[] = [];
  for (const [sku, wanted] of demand) {
    const held = locations.reduce((sum, location) => sum + availableAt(location, sku), 0);
    if (held < wanted) shortages.push({ sku, missing: wanted - held });
  }
  return shortages;
}
