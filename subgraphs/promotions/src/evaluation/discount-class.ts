/**
 * The class of a discount decides when it is applied (PRODUCT, then ORDER, then SHIPPING) and,
 * through `combinesWith`, which other discounts may stack with it.
 */
import type { DiscountClass, DiscountRule, DiscountValue } from './types';

/** PRODUCT for item-level values, ORDER for order-level ones, SHIPPING for free shipping. */
export function discountClass(value: DiscountValue): DiscountClass {
  switch (value.type) {
    case 'PERCENTAGE':
    case 'FIXED_AMOUNT':
      return value.scope === 'ORDER' ? 'ORDER' : 'PRODUCT';
    case 'BUY_X_GET_Y':
      return 'PRODUCT';
    case 'FREE_SHIPPING':
      return 'SHIPPING';
  }
}

/** Stacking needs consent from both sides, as in Shopify: each must allow the other's class. */
export function combinable(a: DiscountRule, b: DiscountRule): boolean {
  return allows(a, discountClass(b.value)) && allows(b, discountClass(a.value));
}

function allows(rule: DiscountRule, other: DiscountClass): boolean {
  switch (other) {
    case 'PRODUCT':
      return rule.combinesWith.productDiscounts;
    case 'ORDER':
      return rule.combinesWith.orderDiscounts;
    case 'SHIPPING':
      return rule.combinesWith.shippingDiscounts;
  }
}
