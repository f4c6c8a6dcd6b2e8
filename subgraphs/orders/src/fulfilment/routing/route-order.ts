/**
 * The SHIP routing rule (ORDERS.md): among locations that fulfil online orders, the fewest
 * packages first, then the managers' ranking, then the distance to the destination, then id.
 * A line is split across locations only when no online location can send its whole quantity;
 * lines of one SKU compete for the same stock, and only when that competition leaves no way to
 * keep such lines whole are they split too, rather than failing an order the stock can fill.
 */
import { fewestPackages } from './fewest-packages';
import { byPreference } from './preference';
import { availableAt, shortfall } from './shortfall';
import type { RoutingInput, RoutingResult } from './types';
import { assertValidRoutingInput } from './validate';

/** Where each line of `input` ships from, or what is missing. Throws RoutingInputError on malformed input. */
export function routeOrder(input: RoutingInput): RoutingResult {
  assertValidRoutingInput(input);
  const { lines } = input;
  const online = input.locations.filter((location) => location.fulfillsOnlineOrders);
  const missing = shortfall(lines, online);
  if (missing.length > 0) return { ok: false, shortfall: missing };

  const skus = new Set(lines.map((line) => line.sku));
  const holding = online.filter((location) => [...skus].some((sku) => availableAt(location, sku) > 0));
  const ranked = byPreference(holding, input.destination).map(({ location }) => location);
  const splittable = lines.map((line) => !ranked.some((location) => availableAt(location, line.sku) >= line.quantity));
  const placement =
    fewestPackages(ranked, lines, splittable) ??
    fewestPackages(
      ranked,
      lines,
      lines.map(() => true),
    );
  // Unreachable: with enough stock in total, the set of every holding location places all lines once splits are allowed.
  if (placement === null) throw new Error('Routing found no placement although the stock suffices');
  return { ok: true, assignments: placement.assignments };
}
