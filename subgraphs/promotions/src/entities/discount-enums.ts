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

registerEnumType(DiscountKind, {
  name: 'DiscountKind',
  description: 'What a discount takes off.',
  valuesConfig: {
    BUY_X_GET_Y: { description: 'Buy a number of units, get the cheapest units of the group free.' },
    FIXED_AMOUNT: { description: 'An amount off each item or the order.' },
    FREE_SHIPPING: { description: 'Shipping costs nothing.' },
    PERCENTAGE: { description: 'A percentage off items or the order.' },
  },
});
registerEnumType(DiscountStatus, {
  name: 'DiscountStatus',
  description: 'ACTIVE now; SCHEDULED to start; EXPIRED past its end; DEACTIVATED by staff.',
  valuesConfig: {
    ACTIVE: { description: 'Live now.' },
    DEACTIVATED: { description: 'Switched off by staff.' },
    EXPIRED: { description: 'Its end has passed or its uses are all taken.' },
    SCHEDULED: { description: 'Starts later.' },
  },
});
registerEnumType(DiscountScope, {
  name: 'DiscountScope',
  description:
    'PERCENTAGE: ITEMS (each targeted item) or ORDER (the subtotal). FIXED_AMOUNT: EACH_ITEM (every targeted unit) or ORDER (once).',
  valuesConfig: {
    EACH_ITEM: { description: 'Off each unit it applies to (FIXED_AMOUNT).' },
    ITEMS: { description: 'Off the items it applies to.' },
    ORDER: { description: 'Off the order, split over its lines.' },
  },
});
registerEnumType(DiscountTargetType, {
  name: 'DiscountTargetType',
  description: 'Which lines a discount looks at.',
  valuesConfig: {
    ALL: { description: 'Every product.' },
    CATEGORIES: { description: 'Products in the categories listed.' },
    PRODUCTS: { description: 'The products listed.' },
  },
});
