import { sql } from '#platform/db';
import {
  type Availability,
  type StockLocation,
  chosenShippingListPrice,
  countedLines,
  priceCart,
  type CartLineInput,
  type CartPricing,
  type CatalogRow,
  type DeliveryChoice,
} from '../cart-pricing';
import { readCatalog } from '../clients/catalog';
import { evaluateDiscounts } from '../clients/discounts';
import { readAvailability } from '../clients/stock';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { type Cart, DeliveryMethod } from '../entities';
import { SHOP_CONFIG_COLUMNS, shopConfigFrom, type ShopConfig, type ShopConfigColumns } from './shop-config.service';

type CartContents = { lines: CartLineInput[]; codes: string[] };
type CartContentsColumns = { lines: { id: string; sku: string; quantity: number; priceAtAddMinor: number | null }[]; codes: string[] };

/** A cart's lines (oldest first) and codes as two JSON columns; binds the cart's id twice. */
const CART_CONTENTS_COLUMNS = `
  coalesce((select json_agg(json_build_object('id', id, 'sku', sku, 'quantity', quantity, 'priceAtAddMinor', price_at_add_minor)
                            order by position, id)
              from "${SCHEMA}"."cart_line" where cart_id = ?), '[]') as lines,
  coalesce((select json_agg(code order by created_at, code) from "${SCHEMA}"."cart_discount_code" where cart_id = ?), '[]') as codes`;

function cartContentsFrom(row: CartContentsColumns): CartContents {
  return {
    lines: row.lines.map((line) => ({ ...line, priceAtAddMinor: line.priceAtAddMinor === null ? null : Number(line.priceAtAddMinor) })),
    codes: row.codes,
  };
}

/** A cart's lines (oldest first) and codes, read as plain rows in one statement: what the cart holds at this version. */
export async function readCartContents(ctx: OrdersContext, cartId: string): Promise<CartContents> {
  const [row] = await sql<CartContentsColumns>(ctx.em, `select ${CART_CONTENTS_COLUMNS}`, [cartId, cartId]);
  return cartContentsFrom(row);
}

/** The cart's contents and the shop's taxes and zones: one statement, unless the request has read the shop's already. */
async function readPricingInputs(ctx: OrdersContext, cartId: string): Promise<[CartContents, ShopConfig]> {
  if (ctx.pricing.config) return Promise.all([readCartContents(ctx, cartId), ctx.pricing.config]);
  const row = sql<CartContentsColumns & ShopConfigColumns>(ctx.em, `select ${CART_CONTENTS_COLUMNS}, ${SHOP_CONFIG_COLUMNS}`, [
    cartId,
    cartId,
  ]).then(([columns]) => columns);
  // The request's later reads of the shop's settings take them from this one.
  const config = (ctx.pricing.config = row.then(shopConfigFrom));
  return Promise.all([row.then(cartContentsFrom), config]);
}

/** The SKUs of a cart's lines. */
export async function cartSkus(ctx: OrdersContext, cartId: string): Promise<string[]> {
  const rows = await sql<{ sku: string }>(ctx.em, `select sku from "${SCHEMA}"."cart_line" where cart_id = ?`, [cartId]);
  return rows.map((row) => row.sku);
}

/**
 * The cart priced: its lines, cost, warnings, code states and delivery options. Gathers with a
 * constant number of calls whatever the number of lines (the catalog and stock together, then
 * promotions), never inside a transaction, and once per request and cart version however many
 * fields select it.
 */
export function cartPricing(ctx: OrdersContext, cart: Cart): Promise<CartPricing> {
  const key = `${cart.id}:${cart.version}`;
  let priced = ctx.pricing.priced.get(key);
  if (!priced) {
    priced = computeCartPricing(ctx, cart);
    ctx.pricing.priced.set(key, priced);
  }
  return priced;
}

/** Catalog rows for the cart's channel, reusing what the request already read (a mutation's checks). */
export async function catalogFor(ctx: OrdersContext, skus: readonly string[], channel: Cart['channel']): Promise<Map<string, CatalogRow>> {
  const memoKey = (sku: string) => `${channel}\u0000${sku}`;
  const missing = [...new Set(skus)].filter((sku) => !ctx.pricing.catalog.has(memoKey(sku)));
  if (missing.length > 0) {
    const read = await readCatalog(ctx, missing, channel);
    for (const sku of missing) {
      const row = read.get(sku);
      if (row) ctx.pricing.catalog.set(memoKey(sku), row);
    }
  }
  const rows = new Map<string, CatalogRow>();
  for (const sku of skus) {
    const row = ctx.pricing.catalog.get(memoKey(sku));
    if (row) rows.set(sku, row);
  }
  return rows;
}

/** Every location and the stock of `skus`, reusing what the request read already for the same SKUs (a mutation's checks). */
export function stockFor(ctx: OrdersContext, skus: readonly string[]): Promise<Availability> {
  const key = [...new Set(skus)].sort().join('\u0000');
  if (ctx.pricing.stock?.skus !== key) ctx.pricing.stock = { skus: key, availability: readAvailability(ctx, skus) };
  return ctx.pricing.stock.availability;
}

/**
 * The cart priced as a checkout takes it: the same figures, but without reading stock where
 * neither the price nor the delivery depends on it. A cart that ships is taxed by its address and
 * the checkout's routing reads the stock it places the order with; a pickup is taxed where the
 * store was when it was chosen, and the hold at the store checks that it still offers pickup and
 * has the units. Warnings, which need the figures, are not a checkout's concern.
 */
export function checkoutPricing(ctx: OrdersContext, cart: Cart): Promise<CartPricing> {
  if (cart.deliveryMethod === DeliveryMethod.SHIP) return computeCartPricing(ctx, cart, { levels: [], locations: [] });
  if (cart.deliveryMethod === DeliveryMethod.PICKUP && cart.pickupLocationId && cart.pickupStore) {
    const store = { id: cart.pickupLocationId, ...cart.pickupStore, pickupEnabled: true, fulfillsOnlineOrders: false };
    return computeCartPricing(ctx, cart, { levels: [], locations: [{ ...store, latitude: null, longitude: null, fulfillmentRank: null }] });
  }
  return cartPricing(ctx, cart);
}

/** Priced with `known` instead of reading stock when given. */
async function computeCartPricing(ctx: OrdersContext, cart: Cart, known?: Availability): Promise<CartPricing> {
  const [contents, config] = await readPricingInputs(ctx, cart.id);
  const skus = contents.lines.map((line) => line.sku);
  const [catalog, read] = await Promise.all([catalogFor(ctx, skus, cart.channel), known ?? stockFor(ctx, skus)]);
  const availability = whereTheStoreWas(read, cart);
  const delivery = deliveryChoice(cart);
  const evaluation = await evaluateDiscounts(ctx, {
    lines: countedLines(contents.lines, catalog),
    customerId: cart.customerId,
    channel: cart.channel,
    codes: contents.codes,
    shippingMinor: chosenShippingListPrice(config.zones, delivery, cart.countryCode),
  });
  return priceCart({
    channel: cart.channel,
    lines: contents.lines,
    codes: contents.codes,
    buyerCountryCode: cart.countryCode,
    delivery,
    catalog,
    availability,
    evaluation,
    taxRates: config.taxRates,
    zones: config.zones,
    pricesIncludeTax: ctx.pricesIncludeTax,
    shopCountryCode: ctx.shopCountryCode,
    shipToStoreDays: ctx.shipToStoreDays,
  });
}

/**
 * The chosen store where it was when the shopper chose it (the cart keeps that): the cart on
 * screen and its checkout, which reads no stock, are taxed alike even after the store's address
 * is corrected. Choosing the store again takes its address as it is then.
 */
function whereTheStoreWas(availability: Availability, cart: Cart): Availability {
  const store = cart.pickupStore;
  if (!store || !cart.pickupLocationId || cart.deliveryMethod === DeliveryMethod.SHIP) return availability;
  const located = (location: StockLocation) =>
    location.id === cart.pickupLocationId ? { ...location, countryCode: store.countryCode, province: store.province } : location;
  return { ...availability, locations: availability.locations.map(located) };
}

function deliveryChoice(cart: Cart): DeliveryChoice | null {
  if (!cart.deliveryMethod) return null;
  return {
    method: cart.deliveryMethod,
    shippingRateId: cart.shippingRateId,
    locationId: cart.pickupLocationId,
    addressCountryCode: cart.shippingAddress?.countryCode ?? null,
    addressProvince: cart.shippingAddress?.province ?? null,
  };
}
