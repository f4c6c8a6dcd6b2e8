import { MutationPayload } from '#platform/graphql';
import { Order } from '../entities';
import { FulfillmentOrderView, FulfillmentView } from '../types/fulfillment.types';

export const FulfillmentCreatePayload = MutationPayload('FulfillmentCreatePayload', {
  fulfillment: () => FulfillmentView,
  order: () => Order,
});
export const FulfillmentTrackingUpdatePayload = MutationPayload('FulfillmentTrackingUpdatePayload', {
  fulfillment: () => FulfillmentView,
});
export const FulfillmentOrderMovePayload = MutationPayload('FulfillmentOrderMovePayload', {
  originalFulfillmentOrder: () => FulfillmentOrderView,
  movedFulfillmentOrder: () => FulfillmentOrderView,
});
export const OrderReadyForPickupPayload = MutationPayload('OrderReadyForPickupPayload', { order: () => Order });
export const OrderPickUpPayload = MutationPayload('OrderPickUpPayload', { order: () => Order });
