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

/**
 * PENDING holds expire (a checkout that died strands nothing); CONFIRMED holds are a placed
 * order's and never expire: they end as sales (fulfilled), moved, or released (cancelled).
 * COMMITTED: every unit left as a sale. RELEASED / EXPIRED: every unit went back.
 */
export type ReservationStatus = 'PENDING' | 'CONFIRMED' | 'COMMITTED' | 'RELEASED' | 'EXPIRED';

export interface ReservationResult {
  id: string;
  /** The idempotency key it was made under. */
  key: string;
  status: ReservationStatus;
  /** What is still held, per SKU and location (a SKU may be held at several); units fulfilled or released are gone from it. */
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

/** Units of one SKU, held at one location when `locationId` is given. */
export interface PlacedStockLine extends StockLine {
  /** Hold this line here (the caller routed it); a SKU may then appear once per location. */
  locationId?: string | null;
}

export interface InventoryReserveVariables {
  input: {
    /** Idempotency key: the same key returns the same reservation; with other lines it is refused. */
    key: string;
    lines: PlacedStockLine[];
    /** Hold everything here (pickup, POS); otherwise inventory chooses the locations. */
    locationId?: string | null;
    near?: { latitude: number; longitude: number } | null;
    allowSplit?: boolean | null;
    channel?: Channel | null;
    reference?: string | null;
    ttlSeconds?: number | null;
    /** A hold for a pickup: every location named must offer pickup (PICKUP_NOT_OFFERED). */
    pickup?: boolean | null;
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

/** Makes a pending hold a placed order's: it no longer expires. Twice is harmless; expired or released is RESERVATION_NOT_PENDING. */
export const InventoryReservationConfirm = internalCommand<ReservationRefVariables, ReservationPayload>(`
  mutation InventoryReservationConfirm($id: ID!) {
    inventoryReservationConfirm(id: $id) { reservation { ${RESERVATION} } ${USER_ERRORS} }
  }`);

/** Part of a confirmed (or pending) hold, by idempotency key: a retry replays, the same key with other lines is IDEMPOTENCY_KEY_MISMATCH. */
export interface ReservationPartVariables {
  input: {
    /** The reservation's id or the key it was made under. */
    id: string;
    idempotencyKey: string;
    locationId: string;
    lines: StockLine[];
  };
}

/**
 * Held units at `locationId` leave stock as a SALE there, on the reservation's channel. More than
 * is held there is NOT_HELD and nothing moves; when nothing is left held the reservation is COMMITTED.
 */
export const InventoryReservationFulfil = internalCommand<ReservationPartVariables, ReservationPayload>(`
  mutation InventoryReservationFulfil($input: InventoryReservationPartInput!) {
    inventoryReservationFulfil(input: $input) { reservation { ${RESERVATION} } ${USER_ERRORS} }
  }`);

/** Held units at `locationId` go back to available (a cancelled line); NOT_HELD when more than is held there. */
export const InventoryReservationReleaseLines = internalCommand<ReservationPartVariables, ReservationPayload>(`
  mutation InventoryReservationReleaseLines($input: InventoryReservationPartInput!) {
    inventoryReservationReleaseLines(input: $input) { reservation { ${RESERVATION} } ${USER_ERRORS} }
  }`);

export interface InventoryReservationMoveVariables {
  input: {
    id: string;
    idempotencyKey: string;
    fromLocationId: string;
    toLocationId: string;
    lines: StockLine[];
  };
}

/**
 * Moves held units from one location to another that has them available (a rerouted fulfilment):
 * released at the source, held at the destination, all lines or none (NOT_HELD, INSUFFICIENT_STOCK).
 */
export const InventoryReservationMove = internalCommand<InventoryReservationMoveVariables, ReservationPayload>(`
  mutation InventoryReservationMove($input: InventoryReservationMoveInput!) {
    inventoryReservationMove(input: $input) { reservation { ${RESERVATION} } ${USER_ERRORS} }
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

export interface InventorySalesRecordPayload {
  /** One per sale, in order. */
  results: InventorySaleRecordPayload[] | null;
  userErrors: RemoteUserError[];
}

/** A till's offline batch (up to 250 sales) in one call and one transaction; each sale once per key, refused on its own. */
export const InventorySalesRecord = internalCommand<{ sales: InventorySaleRecordVariables['input'][] }, InventorySalesRecordPayload>(`
  mutation InventorySalesRecord($sales: [InventorySaleRecordInput!]!) {
    inventorySalesRecord(sales: $sales) {
      results { inventoryLevels { sku location { id } onHand reserved available version needsReconciliation } ${USER_ERRORS} }
      ${USER_ERRORS}
    }
  }`);

export interface InventoryReturnRecordVariables {
  input: { idempotencyKey: string; locationId: string; channel: Channel; lines: StockLine[]; reference?: string | null };
}

/** Returned units back on hand at the location that took them, as RETURN on the return's channel; once per idempotency key. */
export const InventoryReturnRecord = internalCommand<InventoryReturnRecordVariables, InventorySaleRecordPayload>(`
  mutation InventoryReturnRecord($input: InventoryReturnRecordInput!) {
    inventoryReturnRecord(input: $input) {
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
  input: {
    fromLocationId: string;
    toLocationId: string;
    lines: StockLine[];
    note?: string | null;
    /** A retry under the same key returns the same transfer (and other input under it is IDEMPOTENCY_KEY_MISMATCH). */
    idempotencyKey?: string | null;
    /**
     * The transfer carries units this reservation holds at the source (ship to store): shipping
     * takes them from the hold instead of from available stock, and receiving holds them again at
     * the destination, so they stay the order's all the way (NOT_HELD when the hold lacks them).
     */
    reservationId?: string | null;
    /** Free text shown to staff, e.g. "order #1001". */
    reference?: string | null;
  };
}

/** Drafts a transfer (UNKNOWN_SKU, SAME_LOCATION, NOT_FOUND, NOT_HELD); nothing moves until it ships. */
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

/** Transfers by id (up to 250), for a caller that waits on them; unknown ids are left out. */
export const InventoryTransfersRead = internalCommand<{ ids: string[] }, TransferResult[]>(`
  query InventoryTransfersRead($ids: [ID!]!) {
    inventoryTransfersByIds(ids: $ids) { ${TRANSFER} }
  }`);

// ---- availability ----

export interface AvailabilityLocationResult {
  id: string;
  name: string;
  countryCode: string;
  province: string | null;
  pickupEnabled: boolean;
  fulfillsOnlineOrders: boolean;
  /** Null when the location has no coordinates. */
  latitude: number | null;
  longitude: number | null;
  /** The managers' ranking for online orders: 1 first; null after every ranked one. */
  fulfillmentRank: number | null;
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
      locations { id name countryCode province pickupEnabled fulfillsOnlineOrders latitude longitude fulfillmentRank }
      levels { sku locationId available }
    }
  }`);
