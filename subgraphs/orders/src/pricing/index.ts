/** The pricing engine's public surface: pure functions over plain data, and their contract. */
export { priceOrder } from './price-order';
/** Largest-remainder split of an amount over weights; refunds and POS manual discounts use it too. */
export { allocate } from './allocate';
export { shippingOptions } from './shipping';
export { taxOn } from './tax';
/** Thrown for malformed input (a fractional price, a discount above its line); `code` is INVALID_PRICING_INPUT. */
export { PricingInputError, MAX_QUANTITY, MAX_UNIT_PRICE_MINOR } from './validate';
export type * from './types';
