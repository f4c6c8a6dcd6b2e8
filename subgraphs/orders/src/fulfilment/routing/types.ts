/**
 * The routing rule's contract: which locations ship an online order, and what each one ships.
 * Plain data in, plain data out; stock figures are a snapshot the caller read, so the answer is
 * a plan to reserve against, not a promise that the stock is still there.
 */

/** A point on the globe in decimal degrees. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** One order line to ship. */
export interface RoutingLine {
  lineId: string;
  sku: string;
  /** A positive integer. */
  quantity: number;
}

/** A location that might ship the order, as the caller read it. */
export interface CandidateLocation {
  id: string;
  /** Only locations that fulfil online orders are considered for SHIP. */
  fulfillsOnlineOrders: boolean;
  /** Not used by the SHIP rule; carried so the same rows serve PICKUP. */
  pickupEnabled: boolean;
  /** The managers' ranking: lower is preferred; null comes after every ranked location. */
  rank: number | null;
  /** Null: distance unknown, so it comes after every location whose distance is known. */
  coordinates: Coordinates | null;
  /** Units available to sell per SKU; a SKU not listed has none, and below zero counts as none. */
  available: Record<string, number>;
}

/** An order to route: its lines, where it may ship from, and where it goes. */
export interface RoutingInput {
  lines: RoutingLine[];
  locations: CandidateLocation[];
  /** Null: no distance tie-break (a destination that could not be geocoded). */
  destination: Coordinates | null;
}

/** What one location ships: one package. A split line appears in more than one assignment. */
export interface Assignment {
  locationId: string;
  /** In the order's line order. */
  lines: RoutingLine[];
}

/** Units of a SKU that the online locations do not have between them. */
export interface Shortage {
  sku: string;
  missing: number;
}

/**
 * Either the plan, packages in order of location preference, or what is missing (per SKU, in
 * the order SKUs first appear in the lines) when the stock of every online location together
 * cannot fill the order.
 */
export type RoutingResult = { ok: true; assignments: Assignment[] } | { ok: false; shortfall: Shortage[] };
