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
  valuesConfig: {
    CORRECTION: { description: 'A staff correction of onHand.' },
    COUNT_CORRECTION: { description: 'A stock count set onHand to what was counted.' },
    DAMAGED: { description: 'Written off as damaged.' },
    INCOMING: { description: 'Expected goods: a purchase order submitted or a transfer shipped (incoming changes; onHand stays).' },
    LOST: { description: 'Written off as lost or stolen.' },
    RECEIVED: { description: 'Goods received from a supplier (a purchase order).' },
    RELEASE: { description: 'A hold given back (expired, cancelled or failed checkout).' },
    RESERVATION: { description: 'Held for a checkout (reserved grows; onHand stays).' },
    RETURN: { description: 'A customer return put back into stock.' },
    SALE: { description: 'Sold (an order, a till or an offline sale).' },
    TRANSFER_IN: { description: 'Received from another location.' },
    TRANSFER_OUT: { description: 'Shipped to another location.' },
  },
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
  /** A placed order's hold: never expires; ends as sales, moved or released. */
  CONFIRMED = 'CONFIRMED',
  COMMITTED = 'COMMITTED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description:
    'DRAFT → IN_TRANSIT (shipped) → PARTIALLY_RECEIVED → RECEIVED; CANCELLED before shipping; CLOSED short when the rest was lost in transit.',
  valuesConfig: {
    CANCELLED: { description: 'Cancelled before it shipped.' },
    CLOSED: { description: 'Closed short by a manager; what did not arrive is written off.' },
    DRAFT: { description: 'Created; nothing has left yet.' },
    IN_TRANSIT: { description: 'Shipped: onHand left the origin and is incoming at the destination.' },
    PARTIALLY_RECEIVED: { description: 'Some units arrived.' },
    RECEIVED: { description: 'Every unit arrived.' },
  },
});
registerEnumType(PurchaseOrderStatus, {
  name: 'PurchaseOrderStatus',
  description:
    'DRAFT → SUBMITTED (quantities incoming) → PARTIALLY_RECEIVED → RECEIVED; CANCELLED; CLOSED short when the rest will not come.',
  valuesConfig: {
    CANCELLED: { description: 'Cancelled before anything arrived.' },
    CLOSED: { description: 'Closed short: what did not arrive is no longer expected.' },
    DRAFT: { description: 'Being prepared; not sent.' },
    PARTIALLY_RECEIVED: { description: 'Some units arrived.' },
    RECEIVED: { description: 'Every unit arrived.' },
    SUBMITTED: { description: 'Sent to the supplier: its units count as incoming.' },
  },
});
