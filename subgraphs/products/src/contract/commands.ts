import type { CurrencyCode, SalesChannel } from '#platform/graphql';
import { internalCommand } from '#platform/internal';
import type { ProductStatus, TaxClass } from './enums';

/** An amount as the catalog answers it: an exact decimal string (parse it with parseMinorUnits) and its currency. */
export interface CatalogMoney {
  amount: string;
  currencyCode: CurrencyCode;
}

/**
 * What pricing a cart line needs to know of one variant, read from the catalog in one batch.
 * A snapshot for the order line (ARCHITECTURE.md, 14), so it carries titles and handle too.
 */
export interface PricingVariant {
  sku: string;
  barcode: string | null;
  variantId: string;
  variantTitle: string;
  productId: string;
  productTitle: string;
  productHandle: string;
  productStatus: ProductStatus;
  /** The channels the product is published on. */
  channels: SalesChannel[];
  /** ACTIVE and, when the query named a channel, published on it: may be sold there now. */
  sellable: boolean;
  /** The unit price in the shop currency. */
  price: CatalogMoney;
  /** The former price, shown struck through; null when there is none. */
  compareAtPrice: CatalogMoney | null;
  /** The product's category first, then each ancestor up to the root; empty when uncategorised. */
  categoryIds: string[];
  /** The product's first image, for the order line. */
  imageUrl: string | null;
  taxClass: TaxClass;
}

export interface VariantsForPricingVariables {
  /** At most 250 SKUs and barcodes together. */
  skus: string[];
  /** Scanned barcodes (EAN, UPC, ISBN), resolved in the same read; a till may send these instead of SKUs. */
  barcodes?: string[] | null;
  /** The channel the cart sells on; decides `sellable`. */
  channel?: SalesChannel | null;
}

/**
 * The catalog's facts for pricing a cart, for the variants it knows among `skus` and
 * `barcodes` (an unknown one is simply absent), each variant once, in the order asked.
 * One SQL statement whatever the number of SKUs. SERVICE callers only; not in the public API.
 */
export const VariantsForPricing = internalCommand<VariantsForPricingVariables, PricingVariant[]>(`
  query VariantsForPricing($skus: [String!]!, $barcodes: [String!], $channel: SalesChannel) {
    variantsForPricing(skus: $skus, barcodes: $barcodes, channel: $channel) {
      sku
      barcode
      variantId
      variantTitle
      productId
      productTitle
      productHandle
      productStatus
      channels
      sellable
      price { amount currencyCode }
      compareAtPrice { amount currencyCode }
      categoryIds
      imageUrl
      taxClass
    }
  }
`);

/** The most SKUs and barcodes one VariantsForPricing call may name. */
export const PRICING_LOOKUP_LIMIT = 250;
