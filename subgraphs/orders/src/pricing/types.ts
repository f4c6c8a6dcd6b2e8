/**
 * The pricing engine's contract: plain data in, plain data out, every amount an integer of
 * minor units of one currency. It runs after the promotions engine has decided the discounts and
 * turns them, the tax rates of the destination and the shipping charge into the figures an order
 * stores: per line, per tax rate, and in total.
 */

/** Which of the destination's rates a line is taxed at. */
export type TaxClass = 'STANDARD' | 'REDUCED' | 'ZERO';

/** One rate of the destination, e.g. `{ rateBasisPoints: 1900, name: 'VAT 19%' }` for Germany's standard rate. */
export interface TaxRate {
  /** 1900 = 19%. An integer from 0 to 10000. */
  rateBasisPoints: number;
  /** What receipts and tax lines call it. */
  name: string;
}

/** The destination's rate for every class; shipping is taxed at STANDARD. */
export type TaxRates = Record<TaxClass, TaxRate>;

/** One line to price; its subtotal is quantity × unitPriceMinor. */
export interface PricingLine {
  /** The caller's key for the line (a cart or order line id). */
  id: string;
  sku: string;
  /** From 1 to 999. */
  quantity: number;
  /** From 0 to 10^9; including tax when the shop's prices include tax. */
  unitPriceMinor: number;
  taxClass: TaxClass;
}

/** One discount's share of a line, as the promotions engine allocates it. */
export interface DiscountAllocation {
  discountId: string;
  amountMinor: number;
}

/** The discounts that landed on one line; a line with none may be left out. */
export interface LineDiscounts {
  lineId: string;
  allocations: DiscountAllocation[];
}

/** The shipping charge before and after shipping discounts (prices as the shop states them). */
export interface ShippingCharge {
  beforeDiscountMinor: number;
  afterDiscountMinor: number;
}

/** A cart or order to price once its discounts are known. */
export interface PricingInput {
  lines: PricingLine[];
  /** Product and order discounts per line; shipping discounts are in `shipping`, never here. */
  discounts: LineDiscounts[];
  shipping: ShippingCharge;
  /** The rates of the destination. */
  taxRates: TaxRates;
  /** True: prices contain their tax (tax is extracted); false: tax is added on top. */
  pricesIncludeTax: boolean;
}

/** Tax at one rate. */
export interface TaxLine {
  name: string;
  rateBasisPoints: number;
  amountMinor: number;
}

/** A priced line. `totalMinor` is what the customer pays for it: net, plus tax when prices exclude it. */
export interface PricedLine {
  id: string;
  subtotalMinor: number;
  /** Sum of the line's discount allocations. */
  discountMinor: number;
  /** subtotal − discount: the taxable amount (tax inside it when prices include tax). */
  netMinor: number;
  taxMinor: number;
  /** Exactly one entry, at the line's rate, even at 0%: an invoice shows the rate applied. */
  taxLines: TaxLine[];
  totalMinor: number;
}

/**
 * The order's figures. total = subtotal − discountTotal + shipping, plus taxTotal when prices
 * exclude tax; the tax lines sum to taxTotal, which is the lines' tax plus shipping's.
 */
export interface PricingTotals {
  subtotalMinor: number;
  /** Line discounts only; the shipping discount is `shippingDiscountMinor`. */
  discountTotalMinor: number;
  /** After its discount. */
  shippingMinor: number;
  shippingDiscountMinor: number;
  /** Shipping's tax at the STANDARD rate, part of `taxTotalMinor`. */
  shippingTaxMinor: number;
  taxTotalMinor: number;
  /** One entry per rate (name and basis points), highest rate first, then by name. */
  taxLines: TaxLine[];
  totalMinor: number;
}

/** The priced cart or order: lines in input order, and totals. */
export interface PricingResult {
  lines: PricedLine[];
  totals: PricingTotals;
}

/** One shipping rate of a zone. */
export interface ShippingRate {
  id: string;
  name: string;
  priceMinor: number;
  /** Free when the subtotal after discounts reaches this; null: never free. */
  freeAboveMinor: number | null;
  minDays: number;
  maxDays: number;
}

/** A set of countries that share shipping rates. */
export interface ShippingZone {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  rates: ShippingRate[];
}

/** A rate offered for a destination, with what it costs for this cart. */
export interface ShippingOption {
  zoneId: string;
  rateId: string;
  name: string;
  /** The rate's listed price. */
  priceMinor: number;
  /** What this cart pays: 0 when the free threshold is reached, else the listed price. */
  effectivePriceMinor: number;
  free: boolean;
  minDays: number;
  maxDays: number;
}
