import { IdempotencyRecord } from '#platform/db';
import { OutboxEvent } from '#platform/outbox';
import { InventoryLevel } from './inventory-level.entity';
import { Location } from './location.entity';
import { InventoryItem, PurchaseOrder } from './purchase-order.entity';
import { Reservation } from './reservation.entity';
import { StockMovement } from './stock-movement.entity';
import { InventoryTransfer } from './transfer.entity';

export { InventoryItem, InventoryLevel, InventoryTransfer, Location, PurchaseOrder, Reservation, StockMovement };
export { LocationType } from './location-type';
export { PurchaseOrderStatus, ReservationStatus, StockMovementReason, TransferStatus } from './stock-enums';
export { PurchaseOrderLine } from './purchase-order.entity';
export { ReservationLine, ReservationTransitLine } from './reservation.entity';
export { TransferLine } from './transfer.entity';

export const entities = [
  Location,
  InventoryLevel,
  StockMovement,
  InventoryTransfer,
  PurchaseOrder,
  InventoryItem,
  Reservation,
  OutboxEvent,
  IdempotencyRecord,
];
