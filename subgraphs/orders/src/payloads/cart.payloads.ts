import { MutationPayload } from '#platform/graphql';
import { ID } from 'type-graphql';
import { ShippingZoneView, TaxRateView } from '../types/shop-config.types';
import { Cart } from '../entities';

export const CartCreatePayload = MutationPayload('CartCreatePayload', { cart: () => Cart });
export const CartLinesAddPayload = MutationPayload('CartLinesAddPayload', { cart: () => Cart });
export const CartLinesUpdatePayload = MutationPayload('CartLinesUpdatePayload', { cart: () => Cart });
export const CartLinesRemovePayload = MutationPayload('CartLinesRemovePayload', { cart: () => Cart });
export const CartDiscountCodesUpdatePayload = MutationPayload('CartDiscountCodesUpdatePayload', { cart: () => Cart });
export const CartBuyerIdentityUpdatePayload = MutationPayload('CartBuyerIdentityUpdatePayload', { cart: () => Cart });
export const CartDeliveryUpdatePayload = MutationPayload('CartDeliveryUpdatePayload', { cart: () => Cart });
export const CartNoteUpdatePayload = MutationPayload('CartNoteUpdatePayload', { cart: () => Cart });
export const CartRecoverySendPayload = MutationPayload('CartRecoverySendPayload', { cart: () => Cart });
export const CartRecoverPayload = MutationPayload('CartRecoverPayload', { cart: () => Cart });
export const TaxRateSetPayload = MutationPayload('TaxRateSetPayload', { taxRate: () => TaxRateView });
export const ShippingZoneCreatePayload = MutationPayload('ShippingZoneCreatePayload', { shippingZone: () => ShippingZoneView });
export const ShippingZoneUpdatePayload = MutationPayload('ShippingZoneUpdatePayload', { shippingZone: () => ShippingZoneView });
export const ShippingZoneDeletePayload = MutationPayload('ShippingZoneDeletePayload', { deletedShippingZoneId: () => ID });
