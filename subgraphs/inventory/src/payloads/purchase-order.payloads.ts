import { MutationPayload } from '#platform/graphql';
import { PurchaseOrder } from '../entities';

const purchaseOrder = { purchaseOrder: () => PurchaseOrder };

export const PurchaseOrderCreatePayload = MutationPayload('PurchaseOrderCreatePayload', purchaseOrder);
export const PurchaseOrderSubmitPayload = MutationPayload('PurchaseOrderSubmitPayload', purchaseOrder);
export const PurchaseOrderReceivePayload = MutationPayload('PurchaseOrderReceivePayload', purchaseOrder);
export const PurchaseOrderCancelPayload = MutationPayload('PurchaseOrderCancelPayload', purchaseOrder);
export const PurchaseOrderClosePayload = MutationPayload('PurchaseOrderClosePayload', purchaseOrder);
