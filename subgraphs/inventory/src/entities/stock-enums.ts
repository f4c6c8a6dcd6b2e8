import { registerEnumType } from 'type-graphql';

/** Why stock moved. Staff record the first group; the system records the rest. */
export enum StockMovementReason {
  CORRECTION = 'CORRECTION',
  RECEIVED = 'RECEIVED',
  RETURN = 'RETURN',
  DAMAGED = 'DAMAGED',
  LOST = 'LOST',
  SALE = 'SALE',
  COUNT_CORRECTION = 'COUNT_CORRECTION',
  TRANSFER_OUT = 'TRANSFER_OUT',
  TRANSFER_IN = 'TRANSFER_IN',
  RESERVATION = 'RESERVATION',
  RELEASE = 'RELEASE',
  INCOMING = 'INCOMING',
}

registerEnumType(StockMovementReason, {
  name: 'StockMovementReason',
  description:
    'Why stock moved. Adjustments take CORRECTION, RECEIVED, RETURN (stock in), DAMAGED, LOST (stock out) or SALE; ' +
    'the others are recorded by counts, transfers, purchase orders and reservations.',
});

export enum TransferStatus {
  DRAFT = 'DRAFT',
  IN_TRANSIT = 'IN_TRANSIT',
  PARTIALLY_RECEIVED = 'PARTIALLY_RECEIVED',
  RECEIVED = 'RECEIVED',
  /** Closed short: what never arrived was written off as lost in transit. */
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum PurchaseOrderStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PARTIALLY_RECEIVED = 'PARTIALLY_RECEIVED',
  RECEIVED = 'RECEIVED',
  /** Closed short: the supplier will not deliver the rest, so it is no longer incoming. */
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum ReservationStatus {
  PENDING = 'PENDING',
  COMMITTED = 'COMMITTED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description:
    'DRAFT → IN_TRANSIT (shipped) → PARTIALLY_RECEIVED → RECEIVED; CANCELLED before shipping; CLOSED short when the rest was lost in transit.',
});
registerEnumType(PurchaseOrderStatus, {
  name: 'PurchaseOrderStatus',
  description:
    'DRAFT → SUBMITTED (quantities incoming) → PARTIALLY_RECEIVED → RECEIVED; CANCELLED; CLOSED short when the rest will not come.',
});
