/**
 * The discount engine's contract: plain data in, plain data out, all money in integer minor
 * units of one currency. Nothing here touches the database, so the same input always gives the
 * same answer and the engine can be tested and benchmarked on its own.
 */
import type { CodeRejectionReason } from '../contract';

/** The channel the basket is priced on; rules may be limited to some. */
export type SalesChannelName = 'WEB' | 'APP' | 'POS' | 'KIOSK' | 'MARKETPLACE' | 'SOCIAL';

/** What a discount reduces: items (PRODUCT), the order subtotal (ORDER), or shipping. */
export type DiscountClass = 'PRODUCT' | 'ORDER' | 'SHIPPING';

/** What a discount takes off. Its kind and scope decide its class (see discount-class.ts). */
export type DiscountValue =
  /** Percent off, in basis points (1500 = 15%). `scope` ITEMS: off each targeted item; ORDER: off the order subtotal. */
  | { type: 'PERCENTAGE'; basisPoints: number; scope: 'ITEMS' | 'ORDER' }
  /** An amount off: EACH_ITEM off every targeted unit, ORDER once off the order subtotal. */
  | { type: 'FIXED_AMOUNT'; amountMinor: number; scope: 'EACH_ITEM' | 'ORDER' }
  /** Buy `buyQuantity` targeted units, get `getQuantity` more at `getBasisPoints` off (10000 = free); the cheapest units are the ones discounted. */
  | { type: 'BUY_X_GET_Y'; buyQuantity: number; getQuantity: number; getBasisPoints: number }
  /** Shipping off entirely, or up to `maxAmountMinor`. */
  | { type: 'FREE_SHIPPING'; maxAmountMinor: number | null };

/** One discount as the engine sees it, with the evaluated customer's uses already counted. */
export interface DiscountRule {
  id: string;
  title: string;
  /** Upper-cased code; null for an automatic discount. */
  code: string | null;
  value: DiscountValue;
  /** Which lines the discount looks at; empty lists with ALL. */
  target: { type: 'ALL' | 'PRODUCTS' | 'CATEGORIES'; productIds: string[]; categoryIds: string[] };
  /** Subtotal of the targeted lines (before discounts) that must be reached. */
  minimumSubtotalMinor: number | null;
  /** Units of the targeted lines that must be in the basket. */
  minimumQuantity: number | null;
  /** Empty: every channel. */
  channels: SalesChannelName[];
  /** Empty: every customer. Otherwise the customer must be in one of them. */
  segmentIds: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  /** False once staff deactivated it. */
  active: boolean;
  usageLimit: number | null;
  usageCount: number;
  /** Set: only an identified customer may use it, since a guest's uses cannot be counted. */
  usageLimitPerCustomer: number | null;
  /** Uses by the customer being evaluated (0 for a guest). */
  customerUsageCount: number;
  /** Shopify-style: which classes of discount this one may be combined with. */
  combinesWith: { productDiscounts: boolean; orderDiscounts: boolean; shippingDiscounts: boolean };
}

/** One basket line; its subtotal is quantity × unitPriceMinor. */
export interface EvaluationLine {
  /** The caller's key for the line (a cart line id); allocations refer to it. */
  id: string;
  sku: string;
  productId: string;
  categoryIds: string[];
  quantity: number;
  unitPriceMinor: number;
}

/** A basket to price, for whom, on which channel, and at what instant. */
export interface EvaluationInput {
  lines: EvaluationLine[];
  /** `id` null: a guest. */
  customer: { id: string | null; segmentIds: string[] };
  channel: SalesChannelName;
  /** Codes as the customer typed them: compared without regard to case or surrounding spaces. */
  codes: string[];
  shippingMinor: number;
  now: Date;
}

/**
 * Why an entered code gives nothing, as the public contract names the reasons (each documented
 * there). CUSTOMER_REQUIRED: limited per customer, so a guest cannot use it; NOT_COMBINABLE:
 * eligible, but a bigger discount that refuses to stack with it was chosen; NOT_APPLICABLE: no
 * targeted line, or nothing left for it to take.
 */
export type RejectionReason = CodeRejectionReason;

/** A line after product and order discounts; shipping discounts are never allocated to lines. */
export interface LineResult {
  id: string;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  /** How much of each discount landed on this line; per discount they sum to its amount. */
  allocations: { discountId: string; amountMinor: number }[];
}

/** A discount that took a non-zero amount; listed in the order applied. */
export interface AppliedDiscount {
  discountId: string;
  title: string;
  code: string | null;
  class: DiscountClass;
  amountMinor: number;
}

/**
 * The priced basket. Codes in `rejectedCodes` are as normalised (trimmed, upper-cased), once each,
 * in the order typed; `shippingMinor` is after the shipping discount.
 */
export interface EvaluationResult {
  lines: LineResult[];
  applied: AppliedDiscount[];
  /** One entry per code entered that gives no discount, with why. */
  rejectedCodes: { code: string; reason: RejectionReason; message: string }[];
  subtotalMinor: number;
  productDiscountMinor: number;
  orderDiscountMinor: number;
  shippingDiscountMinor: number;
  totalDiscountMinor: number;
  shippingMinor: number;
  totalMinor: number;
}
