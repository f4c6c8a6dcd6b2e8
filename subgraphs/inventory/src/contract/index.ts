/** What other subgraphs may rely on from inventory: the events it publishes, the commands it takes, the codes it answers with, and how its stock events become a live stream. */
export {
  InventoryLevelChanged,
  InventoryLevelLow,
  InventoryLocationChanged,
  levelEventKey,
  STOCK_MOVEMENT_REASONS,
  type InventoryLevelChangedPayload,
  type InventoryLevelLowPayload,
} from './events';
export {
  InventoryReservationCommit,
  InventoryReservationConfirm,
  InventoryReservationFulfil,
  InventoryReservationMove,
  InventoryReservationRelease,
  InventoryReservationReleaseLines,
  InventoryReserve,
  InventorySaleRecord,
  InventorySalesRecord,
  InventoryReturnRecord,
  InventoryTransferCreate,
  InventoryTransferReceive,
  InventoryTransferShip,
  InventoryTransfersRead,
  StockAvailability,
  type AvailabilityLocationResult,
  type StockAvailabilityResult,
  type Channel,
  type InventoryReserveVariables,
  type InventoryReservationMoveVariables,
  type PlacedStockLine,
  type ReservationPartVariables,
  type InventorySaleRecordPayload,
  type InventorySaleRecordVariables,
  type InventorySalesRecordPayload,
  type InventoryReturnRecordVariables,
  type InventoryTransferCreateVariables,
  type InventoryTransferReceiveVariables,
  type InventoryTransferShipVariables,
  type ReservationPayload,
  type ReservationRefVariables,
  type ReservationResult,
  type ReservationStatus,
  type StockLevelResult,
  type StockLine,
  type TransferPayload,
  type TransferResult,
  type TransferStatus,
} from './commands';
export { StockErrorCode } from './error-codes';
// Live stock, shared by the gateway's fan-out and inventory's own subscriptions.
export { levelGlobalId, openLowStockAlerts, openStockChanges, scopedLocations, type StockChangedArgs } from './live/open-stock-streams';
export { LEVEL_LOW, LowStockStream } from './live/low-stock-stream';
export { levelKey, type LowStockItem, type StockItem } from './live/stock-item';
export { StockQuerySource, type StockQueryExecutor } from './live/stock-source';
export { LEVEL_CHANGED, StockStream, type StockFilter, type StockSource, type StreamLimits } from './live/stock-stream';
