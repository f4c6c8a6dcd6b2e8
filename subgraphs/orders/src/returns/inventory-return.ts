/**
 * The internal command returns send inventory (its `inventoryReturnRecord`, SERVICE tokens only):
 * returned units back on hand at the location that took them, as RETURN on the return's channel,
 * once per idempotency key.
 */
import type { Channel, InventorySaleRecordPayload, StockLine } from '#contracts/inventory';
import { internalCommand } from '#platform/internal';

export interface InventoryReturnRecordVariables {
  input: { idempotencyKey: string; locationId: string; channel: Channel; lines: StockLine[]; reference?: string | null };
}

export const InventoryReturnRecord = internalCommand<InventoryReturnRecordVariables, InventorySaleRecordPayload>(`
  mutation InventoryReturnRecord($input: InventoryReturnRecordInput!) {
    inventoryReturnRecord(input: $input) {
      inventoryLevels { sku location { id } onHand reserved available version needsReconciliation }
      userErrors { field message code }
    }
  }`);
