import type { SalesChannel } from '#platform/graphql';
import { internalCommand, type RemoteUserError } from '#platform/internal';

/**
 * The commands other subgraphs send inventory: checkout holds, commits and releases stock, tills
 * record sales, fulfilment moves stock between locations. Reservation and sale commands are
 * `@inaccessible` (SERVICE tokens only); transfers are staff operations a service may run too.
 * DateTimes travel as ISO strings.
 */

/** A SalesChannel value ("WEB", "POS"…), as a string or the platform's enum. */
export type Channel = `${SalesChannel}`;

/** Units of one SKU. */
export interface StockLine {
  sku: string;
  quantity: number;
}

const USER_ERRORS = 'userErrors { field message code }';

// ---- reservations ----

export type ReservationStatus = 'PENDING' | 'COMMITTED' | 'RELEASED' | 'EXPIRED';

export interface ReservationResult {
  id: string;
  /** The idempotency key it was made under. */
  key: string;
  status: ReservationStatus;
  /** Where each line's units are held (a line may be split over locations). */
  lines: { sku: string; locationId: string; quantity: number }[];
  channel: Channel | null;
  reference: string | null;
  expiresAt: string;
}

const RESERVATION = 'id key status lines { sku locationId quantity } channel reference expiresAt';

export interface ReservationPayload {
  reservation: ReservationResult | null;
  userErrors: RemoteUserError[];
}

export interface InventoryReserveVariables {
  input: {
    /** Idempotency key: the same key returns the same reservation; with other lines it is refused. */
    key: string;
    lines: StockLine[];
    /** Hold everything here (pickup, POS); otherwise inventory chooses the locations. */
    locationId?: string | null;
    near?: { latitude: number; longitude: number } | null;
    allowSplit?: boolean | null;
    channel?: Channel | null;
    reference?: string | null;
    ttlSeconds?: number | null;
  };
}

/** Holds stock for a checkout, all lines or none (INSUFFICIENT_STOCK). Idempotent under `input.key`. */
export const InventoryReserve = internalCommand<InventoryReserveVariables, ReservationPayload>(`
  mutation InventoryReserve($input: InventoryReserveInput!) {
    inventoryReserve(input: $input) { reservation { ${RESERVATION} } ${USER_ERRORS} }
  }`);

/** A reservation by its id or by the key it was made under. */
export interface ReservationRefVariables {
  id: string;
}

/** Turns held stock into a sale; committing twice is harmless (RESERVATION_NOT_PENDING, RESERVATION_EXPIRED). */
export const InventoryReservationCommit = internalCommand<ReservationRefVariables, ReservationPayload>(`
  mutation InventoryReservationCommit($id: ID!) {
    inventoryReservationCommit(id: $id) { reservation { ${RESERVATION} } ${USER_ERRORS} }
  }`);

/** Gives held stock back; releasing twice is harmless, a committed one is RESERVATION_NOT_PENDING. */
export const InventoryReservationRelease = internalCommand<ReservationRefVariables, ReservationPayload>(`
  mutation InventoryReservationRelease($id: ID!) {
    inventoryReservationRelease(id: $id) { reservation { ${RESERVATION} } ${USER_ERRORS} }
  }`);

// ---- till sales ----

export interface StockLevelResult {
  sku: string;
  location: { id: string };
  onHand: number;
  reserved: number;
  available: number;
  version: number;
  needsReconciliation: boolean;
}

export interface InventorySaleRecordVariables {
  input: {
    idempotencyKey: string;
    locationId: string;
    channel: Channel;
    lines: StockLine[];
    /** Sold while offline: recorded even below zero, and the level flagged. */
    offline?: boolean;
    occurredAt?: string | null;
    reference?: string | null;
  };
}

export interface InventorySaleRecordPayload {
  inventoryLevels: StockLevelResult[] | null;
  userErrors: RemoteUserError[];
}

/** Records a till sale; online it needs the stock (INSUFFICIENT_STOCK). Idempotent under `input.idempotencyKey`. */
export const InventorySaleRecord = internalCommand<InventorySaleRecordVariables, InventorySaleRecordPayload>(`
  mutation InventorySaleRecord($input: InventorySaleRecordInput!) {
    inventorySaleRecord(input: $input) {
      inventoryLevels { sku location { id } onHand reserved available version needsReconciliation }
      ${USER_ERRORS}
    }
  }`);

// ---- transfers ----

export type TransferStatus = 'DRAFT' | 'IN_TRANSIT' | 'PARTIALLY_RECEIVED' | 'RECEIVED' | 'CLOSED' | 'CANCELLED';

export interface TransferResult {
  id: string;
  number: string;
  status: TransferStatus;
  fromLocation: { id: string };
  toLocation: { id: string };
  lines: { sku: string; quantity: number; quantityReceived: number }[];
  shippedAt: string | null;
  receivedAt: string | null;
}

const TRANSFER = 'id number status fromLocation { id } toLocation { id } lines { sku quantity quantityReceived } shippedAt receivedAt';

export interface TransferPayload {
  inventoryTransfer: TransferResult | null;
  userErrors: RemoteUserError[];
}

export interface InventoryTransferCreateVariables {
  input: { fromLocationId: string; toLocationId: string; lines: StockLine[]; note?: string | null };
}

/** Drafts a transfer (UNKNOWN_SKU, SAME_LOCATION, NOT_FOUND); nothing moves until it ships. */
export const InventoryTransferCreate = internalCommand<InventoryTransferCreateVariables, TransferPayload>(`
  mutation InventoryTransferCreate($input: InventoryTransferCreateInput!) {
    inventoryTransferCreate(input: $input) { inventoryTransfer { ${TRANSFER} } ${USER_ERRORS} }
  }`);

export interface InventoryTransferShipVariables {
  id: string;
  /** A retry under the same key replays instead of shipping twice. */
  idempotencyKey?: string | null;
}

/** Ships a draft: stock leaves the source, all lines or none (INSUFFICIENT_STOCK, INVALID_STATUS). */
export const InventoryTransferShip = internalCommand<InventoryTransferShipVariables, TransferPayload>(`
  mutation InventoryTransferShip($id: ID!, $idempotencyKey: String) {
    inventoryTransferShip(id: $id, idempotencyKey: $idempotencyKey) { inventoryTransfer { ${TRANSFER} } ${USER_ERRORS} }
  }`);

export interface InventoryTransferReceiveVariables {
  id: string;
  lines: StockLine[];
  /** A retry under the same key replays instead of receiving twice. */
  idempotencyKey?: string | null;
}

/** Receives shipped units at the destination, all or part (OVER_RECEIPT, INVALID_STATUS). */
export const InventoryTransferReceive = internalCommand<InventoryTransferReceiveVariables, TransferPayload>(`
  mutation InventoryTransferReceive($id: ID!, $lines: [StockLineInput!]!, $idempotencyKey: String) {
    inventoryTransferReceive(id: $id, lines: $lines, idempotencyKey: $idempotencyKey) { inventoryTransfer { ${TRANSFER} } ${USER_ERRORS} }
  }`);

// ---- availability ----

export interface AvailabilityLocationResult {
  id: string;
  name: string;
  countryCode: string;
  province: string | null;
  pickupEnabled: boolean;
  fulfillsOnlineOrders: boolean;
}

export interface StockAvailabilityResult {
  /** Every location. */
  locations: AvailabilityLocationResult[];
  /** Available units (onHand - reserved) per SKU and location, only where above zero. */
  levels: { sku: string; locationId: string; available: number }[];
}

/**
 * Every location, and the available stock of up to 250 SKUs at each: one call however many lines
 * a cart has. SERVICE callers only; not in the public API.
 */
export const StockAvailability = internalCommand<{ skus: string[] }, StockAvailabilityResult>(`
  query StockAvailability($skus: [String!]!) {
    stockAvailability(skus: $skus) {
      locations { id name countryCode province pickupEnabled fulfillsOnlineOrders }
      levels { sku locationId available }
    }
  }`);
