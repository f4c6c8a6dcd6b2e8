import { MutationPayload } from '#platform/graphql';
import { PurchaseOrder } from '../entities';
import { InventoryItemType } from '../types/replenishment.types';

export const ReplenishmentPurchaseOrdersCreatePayload = MutationPayload('ReplenishmentPurchaseOrdersCreatePayload', {
  purchaseOrders: () => [PurchaseOrder],
});
export const InventoryItemUpdatePayload = MutationPayload('InventoryItemUpdatePayload', { inventoryItem: () => InventoryItemType });
