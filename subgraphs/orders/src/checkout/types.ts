/**
 * What the saga needs to know about a cart, as plain data in minor units of one currency: "a
 * priced cart", priced afresh just before checkout. The cart subgraph's pricing produces it;
 * the saga keeps it in the checkout row, so a sweeper resumes with the same figures.
 */
import type { OrderAddress, OrderDiscountApplication, OrderLineAllocation, OrderTaxLine } from '../entities';

export type DeliveryMethodValue = 'SHIP' | 'PICKUP' | 'SHIP_TO_STORE';

export interface PricedCartLine {
  sku: string;
  productId: string | null;
  variantId: string | null;
  /** Shown on the order for ever, whatever the catalog says later; the SKU when unknown. */
  productTitle: string | null;
  variantTitle: string | null;
  /** The product's category, then its ancestors (absent in checkouts saved before it was kept). */
  categoryIds?: string[];
  quantity: number;
  unitPriceMinor: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  allocations: OrderLineAllocation[];
  taxLines: OrderTaxLine[];
}

export interface PricedCartDelivery {
  method: DeliveryMethodValue;
  /** The store (PICKUP, SHIP_TO_STORE). */
  locationId: string | null;
  /** The address (SHIP). */
  address: OrderAddress | null;
  /** Where the goods go, when known: inventory prefers locations near it. */
  near: { latitude: number; longitude: number } | null;
}

export interface PricedCartTotals {
  subtotalMinor: number;
  discountTotalMinor: number;
  shippingMinor: number;
  shippingDiscountMinor: number;
  taxTotalMinor: number;
  totalMinor: number;
  taxLines: OrderTaxLine[];
  pricesIncludeTax: boolean;
}

export interface PricedCart {
  cartId: string;
  channel: string;
  currencyCode: string;
  customerId: string | null;
  email: string | null;
  lines: PricedCartLine[];
  /** The discounts that took something: their uses are reserved. */
  discountApplications: OrderDiscountApplication[];
  codes: string[];
  delivery: PricedCartDelivery | null;
  totals: PricedCartTotals;
}

/** One tender as the shopper gave it; stored value first, the card last, whatever order they came in. */
export type TenderInput =
  | { method: 'TEST_CARD'; amountMinor: number; cardNumber: string }
  | { method: 'GIFT_CARD'; amountMinor: number; code: string }
  | { method: 'STORE_CREDIT'; amountMinor: number }
  | { method: 'LOYALTY_POINTS'; amountMinor: number }
  | {
      method: 'CASH';
      amountMinor: number;
      /** What the customer handed over, when more than the amount: the change is recorded. */ tenderedMinor?: number | null;
    }
  | { method: 'MANUAL'; amountMinor: number }
  /** A standalone card terminal's payment, by its reference (staff only). */
  | { method: 'CARD_EXTERNAL'; amountMinor: number; reference: string }
  /** An exchange: the value of the returned units of `returnId`, kept by the shop and put toward the new items. */
  | { method: 'EXCHANGE_CREDIT'; amountMinor: number; returnId: string };

export interface CheckoutInput {
  cartId: string;
  email: string | null;
  tenders: TenderInput[];
  /** The total the shopper saw; PRICE_CHANGED when the fresh total differs. */
  expectedTotalMinor: number | null;
  /** A store-collected order placed unpaid, paid at the till on pickup. */
  payAtPickup?: boolean;
  /** A till sale: no email needed, and the order records its store, staff, device and drawer. */
  pos?: PosSale | null;
}

/** A sale at a till: where, by whom, on which device and drawer, under the device's own order id. */
export interface PosSale {
  locationId: string;
  staffId: string;
  deviceId: string;
  clientOrderId: string;
  /** The hash of what the till sent: the same clientOrderId with other content is a conflict. */
  requestHash: string;
  sessionId: string | null;
  /** A manager's price overrides and line discounts, with their reasons. */
  flags: { code: string; message: string; orderLineIndex: number | null }[];
}

/** What the saga keeps in the checkout row's `plan`. */
export interface CheckoutPlan {
  /** Set for a till sale (posOrderCreate). */
  pos?: PosSale | null;
  /** The hold at a pickup store checks that it still offers pickup (an online shopper's pickup, priced without reading stock). */
  requirePickup?: boolean;
  cart: PricedCart;
  /** Ordered: stored value first, card last. */
  tenders: TenderInput[];
  email: string | null;
}
