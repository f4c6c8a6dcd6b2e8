/** Malformed routing input is a caller's bug (a fractional quantity, a latitude of 200), so it is thrown. */
import type { Coordinates, RoutingInput } from './types';

/** Thrown for input the rule cannot route; `code` lets the GraphQL layer map it. */
export class RoutingInputError extends Error {
  readonly code = 'INVALID_ROUTING_INPUT';
  override readonly name = 'RoutingInputError';
}

/** Throws RoutingInputError on the first value outside the contract. */
export function assertValidRoutingInput(input: RoutingInput): void {
  const lineIds = new Set<string>();
  for (const line of input.lines) {
    if (lineIds.has(line.lineId)) fail(`line id ${line.lineId} appears twice`);
    lineIds.add(line.lineId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1)
      fail(`line ${line.lineId} quantity must be a positive integer, got ${line.quantity}`);
  }
  const locationIds = new Set<string>();
  for (const location of input.locations) {
    if (locationIds.has(location.id)) fail(`location id ${location.id} appears twice`);
    locationIds.add(location.id);
    if (location.rank !== null && !Number.isFinite(location.rank)) fail(`location ${location.id} rank must be a number or null`);
    if (location.coordinates !== null) coordinates(location.coordinates, `location ${location.id}`);
    for (const [sku, units] of Object.entries(location.available)) {
      if (!Number.isSafeInteger(units)) fail(`location ${location.id} has ${units} of ${sku}, not a whole number`);
    }
  }
  if (input.destination !== null) coordinates(input.destination, 'destination');
}

function coordinates({ latitude, longitude }: Coordinates, what: string): void {
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) fail(`${what} is at ${latitude}, ${longitude}, off the globe`);
}

function fail(message: string): never {
  throw new RoutingInputError(message);
}
