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

registerEnumType(DiscountKind, { name: 'DiscountKind', description: 'What a discount takes off.' });
registerEnumType(DiscountStatus, {
  name: 'DiscountStatus',
  description: 'ACTIVE now; SCHEDULED to start; EXPIRED past its end; DEACTIVATED by staff.',
});
