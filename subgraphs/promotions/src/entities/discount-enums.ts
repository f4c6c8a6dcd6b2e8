import { registerEnumType } from 'type-graphql';

export enum DiscountKind {
  PERCENTAGE = 'PERCENTAGE',
  FIXED_AMOUNT = 'FIXED_AMOUNT',
  BUY_X_GET_Y = 'BUY_X_GET_Y',
  FREE_SHIPPING = 'FREE_SHIPPING',
}

export enum DiscountStatus {
  ACTIVE = 'ACTIVE',
  SCHEDULED = 'SCHEDULED',
  EXPIRED = 'EXPIRED',
  DEACTIVATED = 'DEACTIVATED',
}

/** What a PERCENTAGE or FIXED_AMOUNT discount is taken off. */
export enum DiscountScope {
  ITEMS = 'ITEMS',
  EACH_ITEM = 'EACH_ITEM',
  ORDER = 'ORDER',
}

export enum DiscountTargetType {
  ALL = 'ALL',
  PRODUCTS = 'PRODUCTS',
  CATEGORIES = 'CATEGORIES',
}

/** RESERVED holds a use until it expires; COMMITTED and RELEASED are final, and so is EXPIRED. */
export enum RedemptionStatus {
  RESERVED = 'RESERVED',
  COMMITTED = 'COMMITTED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(DiscountKind, { name: 'DiscountKind', description: 'What a discount takes off.' });
registerEnumType(DiscountStatus, {
  name: 'DiscountStatus',
  description: 'ACTIVE now; SCHEDULED to start; EXPIRED past its end; DEACTIVATED by staff.',
});
registerEnumType(DiscountScope, {
  name: 'DiscountScope',
  description:
    'PERCENTAGE: ITEMS (each targeted item) or ORDER (the subtotal). FIXED_AMOUNT: EACH_ITEM (every targeted unit) or ORDER (once).',
});
registerEnumType(DiscountTargetType, { name: 'DiscountTargetType', description: 'Which lines a discount looks at.' });
