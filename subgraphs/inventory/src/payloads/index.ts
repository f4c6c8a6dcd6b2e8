import { MutationPayload } from '#platform/graphql';
import { InventoryLevel, Location, Reservation } from '../entities';

export const InventoryAdjustPayload = MutationPayload('InventoryAdjustPayload', { inventoryLevel: () => InventoryLevel });
export const InventoryCountPayload = MutationPayload('InventoryCountPayload', { inventoryLevels: () => [InventoryLevel] });
export const LowStockThresholdSetPayload = MutationPayload('LowStockThresholdSetPayload', { inventoryLevel: () => InventoryLevel });
export const LocationCreatePayload = MutationPayload('LocationCreatePayload', { location: () => Location });
export const LocationUpdatePayload = MutationPayload('LocationUpdatePayload', { location: () => Location });

/** Internal: only other subgraphs call these, so they stay out of the public API. */
export const ReservationPayload = MutationPayload('ReservationPayload', { reservation: () => Reservation }, { internal: true });
export const InventorySaleRecordPayload = MutationPayload(
  'InventorySaleRecordPayload',
  { inventoryLevels: () => [InventoryLevel] },
  { internal: true },
);

export const InventorySalesRecordPayload = MutationPayload(
  'InventorySalesRecordPayload',
  { results: () => [InventorySaleRecordPayload] },
  { internal: true, description: 'One result per sale of the batch, in order; userErrors only when the batch as a whole was refused.' },
);
