/**
 * The cart pricing contract: everything a cart's figures depend on, gathered before pricing with
 * a constant number of calls, as plain data in minor units of the shop currency.
 */
import type { StockAvailabilityResult } from '#contracts/inventory';
import type { ShippingZone, TaxClass, TaxLine } from '../pricing';

export type DeliveryMethodValue = 'SHIP' | 'PICKUP' | 'SHIP_TO_STORE';

/** A cart line as stored. */
export interface CartLineInput {
  id: string;
  sku: string;
  quantity: number;
  /** The unit price when it was added; null when unknown. */
  priceAtAddMinor: number | null;
}

/** The catalog's facts about one SKU, converted to minor units. */
export interface CatalogRow {
  sku: string;
  variantId: string;
  productId: string;
  /** What an order line keeps of the catalog, whatever it says later; absent in fixtures that do not care. */
  productTitle?: string;
  variantTitle?: string;
  categoryIds: string[];
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  /** ACTIVE and published on the cart's channel. */
  sellable: boolean;
  unitPriceMinor: number;
  compareAtMinor: number | null;
  taxClass: TaxClass;
}

/** Every location, and available units per SKU and location (absent: none), as inventory answers. */
export type Availability = StockAvailabilityResult;
export type StockLocation = Availability['locations'][number];

/** What the promotions subgraph decided, in minor units. */
export interface Evaluation {
  /** Per cart line id: the discounts allocated to it. */
  allocations: Map<string, { discountId: string; title: string; code: string | null; amountMinor: number }[]>;
  /** Off the shipping price the evaluation was given. */
  shippingDiscountMinor: number;
  /** Codes that give nothing, upper-cased, with why. */
  rejectedCodes: Map<string, { reason: string; message: string }>;
}

/** One rate of a destination as configured; region null for the whole country. */
export interface TaxRateRow {
  countryCode: string;
  region: string | null;
  taxClass: TaxClass;
  rateBasisPoints: number;
  name: string;
}

export interface DeliveryChoice {
  method: DeliveryMethodValue;
  shippingRateId: string | null;
  locationId: string | null;
  /** The country of the delivery address (SHIP). */
  addressCountryCode: string | null;
  addressProvince: string | null;
}

export interface CartPricingInput {
  channel: string;
  lines: CartLineInput[];
  codes: string[];
  /** The buyer's country, when given. */
  buyerCountryCode: string | null;
  delivery: DeliveryChoice | null;
  catalog: Map<string, CatalogRow>;
  availability: Availability;
  evaluation: Evaluation;
  taxRates: TaxRateRow[];
  zones: ShippingZone[];
  pricesIncludeTax: boolean;
  /** Where the shop is: taxes when no destination is known yet. */
  shopCountryCode: string;
  /** Estimated days for SHIP_TO_STORE: stock moved from elsewhere. */
  shipToStoreDays: { min: number; max: number };
}

export type CartWarningCode =
  'OUT_OF_STOCK' | 'NOT_ENOUGH_STOCK' | 'NOT_AVAILABLE_ON_CHANNEL' | 'PRODUCT_ARCHIVED' | 'PRICE_CHANGED' | 'DELIVERY_UNAVAILABLE';

export interface CartWarningValue {
  code: CartWarningCode;
  message: string;
  lineId: string | null;
  /** For stock warnings: units available for the chosen delivery. */
  quantityAvailable: number | null;
}

export interface PricedCartLine {
  id: string;
  sku: string;
  quantity: number;
  /** Null when the catalog no longer has the SKU. */
  catalog: CatalogRow | null;
  /** False when the line cannot be bought here (archived, not on the channel): it counts zero. */
  counted: boolean;
  unitPriceMinor: number;
  compareAtMinor: number | null;
  allocations: { discountId: string; title: string; code: string | null; amountMinor: number }[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  /** The line's tax at its rate (one entry), for the order's snapshot. */
  taxLines: TaxLine[];
  totalMinor: number;
}

export interface DeliveryOptionValue {
  /** Pass back to cartDeliveryUpdate: "SHIP:<rate id>", "PICKUP:<location id>", "SHIP_TO_STORE:<location id>". */
  handle: string;
  method: DeliveryMethodValue;
  title: string;
  priceMinor: number;
  shippingRateId: string | null;
  locationId: string | null;
  minDays: number;
  maxDays: number;
  /** PICKUP: units of the cart the store can hand over now; SHIP_TO_STORE: units already there. */
  quantityAvailableNow: number | null;
}

export interface CartCodeState {
  code: string;
  applicable: boolean;
  reason: string | null;
  message: string | null;
}

export interface CartCostValue {
  subtotalMinor: number;
  discountTotalMinor: number;
  shippingMinor: number;
  shippingDiscountMinor: number;
  taxTotalMinor: number;
  totalMinor: number;
  taxLines: TaxLine[];
  pricesIncludeTax: boolean;
  /** The country whose rates taxed the cart. */
  taxCountryCode: string;
}

export interface CartPricing {
  lines: PricedCartLine[];
  cost: CartCostValue;
  warnings: CartWarningValue[];
  codes: CartCodeState[];
  deliveryOptions: DeliveryOptionValue[];
  /** The chosen option, when it is still offered. */
  delivery: DeliveryOptionValue | null;
}
