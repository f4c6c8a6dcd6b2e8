import { MutationPayload } from '#platform/graphql';
import { InventoryTransfer } from '../entities';

const transfer = { inventoryTransfer: () => InventoryTransfer };

export const InventoryTransferCreatePayload = MutationPayload('InventoryTransferCreatePayload', transfer);
export const InventoryTransferShipPayload = MutationPayload('InventoryTransferShipPayload', transfer);
export const InventoryTransferReceivePayload = MutationPayload('InventoryTransferReceivePayload', transfer);
export const InventoryTransferCancelPayload = MutationPayload('InventoryTransferCancelPayload', transfer);
export const InventoryTransferClosePayload = MutationPayload('InventoryTransferClosePayload', transfer);
