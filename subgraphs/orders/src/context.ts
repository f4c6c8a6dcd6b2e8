import DataLoader from 'dataloader';
import { entityLoader } from '#platform/db';
import type { CurrencyCode } from '#platform/graphql';
import type { InternalClient } from '#platform/internal';
import type { Mailer } from '#platform/mail';
import type { RequestContext } from '#platform/server';
import type { CheckoutDeps } from './checkout';
import type { Availability, CartPricing, CatalogRow, TaxRateRow } from './cart-pricing';
import type { ShippingZone } from './pricing';
import type { PopularCache } from './reports';
import { Cart, CartStatus, Order, OrderReturn } from './entities';
import { refundsByReturnLoader } from './returns/queries';

/** What `setup` builds once and every request of this server shares. */
export interface OrdersShared {
  /** The shop currency: carts are priced in it. */
  currencyCode: CurrencyCode;
  /** True (the default): catalog prices include tax, which is extracted; false: tax is added on top. */
  pricesIncludeTax: boolean;
  /** Where the shop is: its tax applies until a cart has a destination. */
  shopCountryCode: string;
  /** The IANA time zone (SHOP_TIMEZONE) in which reports' days, weeks and months begin. */
  shopTimeZone: string;
  /** Days a SHIP_TO_STORE delivery is estimated to take. */
  shipToStoreDays: { min: number; max: number };
  /** A cart of a known shopper unchanged for this long is abandoned. */
  abandonedAfterMs: number;
  /** The storefront page a recovery link opens, the token appended. */
  recoveryUrl: string;
  /** The shop's name, as receipts print it (SHOP_NAME). */
  shopName: string;
  /** Days an order ready for pickup waits at the store (PICKUP_HOLD_DAYS). */
  pickupHoldDays: number;
  /** Days after fulfilment or pickup a customer may ask to return (RETURN_WINDOW_DAYS). */
  returnWindowDays: number;
  /** The secret recovery tokens are signed with (the platform's token secret). */
  recoverySecret: Uint8Array | null;
  mailer: Mailer;
  products: InternalClient;
  inventory: InternalClient;
  promotions: InternalClient;
  customers: InternalClient;
  /** The checkout saga's clients, card provider and settings. */
  checkout: CheckoutDeps;
  /** Best-seller lists that recommendations fall back on, shared by every request for a minute. */
  popular: PopularCache;
}

/** Per request: what was gathered for pricing, so a cart selected many times is priced once. */
export interface PricingMemo {
  /** Catalog rows a mutation read before its transaction, reused to price its answer. */
  catalog: Map<string, CatalogRow>;
  /** By `${cart id}:${version}`. */
  priced: Map<string, Promise<CartPricing>>;
  /** Stock a mutation read before its transaction (every location, the cart's SKUs), reused to price its answer. */
  stock?: { skus: string; availability: Promise<Availability> };
  /** Tax rates and shipping zones, read once. */
  config?: Promise<{ taxRates: TaxRateRow[]; zones: ShippingZone[] }>;
}

/** The orders subgraph's request context: the platform's, plus what setup shares and the DataLoaders. */
export interface OrdersContext extends RequestContext, OrdersShared {
  loaders: ReturnType<typeof createOrdersLoaders>;
  pricing: PricingMemo;
}

function createOrdersLoaders(em: RequestContext['em']) {
  return {
    orderById: entityLoader(em, Order, 'id'),
    cartById: entityLoader(em, Cart, 'id'),
    returnById: entityLoader(em, OrderReturn, 'id'),
    refundsByReturn: refundsByReturnLoader(em),
    /** Each customer's one OPEN cart (a unique index), a page of customers in one statement. */
    openCartByCustomer: new DataLoader<string, Cart | null>(async (customerIds) => {
      const carts = await em.find(Cart, { customerId: { $in: [...customerIds] }, status: CartStatus.OPEN });
      const byCustomer = new Map(carts.map((cart) => [cart.customerId, cart]));
      return customerIds.map((id) => byCustomer.get(id) ?? null);
    }),
  };
}

export function createOrdersContext(base: RequestContext, shared: OrdersShared): OrdersContext {
  return { ...base, ...shared, loaders: createOrdersLoaders(base.em), pricing: { catalog: new Map(), priced: new Map() } };
}
