import { sql } from '#platform/db';
import {
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
import type { Cart } from '../entities';
import { readShopConfig } from './shop-config.service';

/** A cart's lines (oldest first) and codes, read as plain rows: what the cart holds at this version. */
export async function readCartContents(ctx: OrdersContext, cartId: string): Promise<{ lines: CartLineInput[]; codes: string[] }> {
  const [lines, codes] = await Promise.all([
    sql<{ id: string; sku: string; quantity: number; priceAtAddMinor: string | null }>(
      ctx.em,
      `select id, sku, quantity, price_at_add_minor as "priceAtAddMinor" from "${SCHEMA}"."cart_line" where cart_id = ? order by position, id`,
      [cartId],
    ),
    sql<{ code: string }>(ctx.em, `select code from "${SCHEMA}"."cart_discount_code" where cart_id = ? order by created_at, code`, [
      cartId,
    ]),
  ]);
  return {
    lines: lines.map((line) => ({ ...line, priceAtAddMinor: line.priceAtAddMinor === null ? null : Number(line.priceAtAddMinor) })),
    codes: codes.map((row) => row.code),
  };
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

async function computeCartPricing(ctx: OrdersContext, cart: Cart): Promise<CartPricing> {
  const [contents, config] = await Promise.all([readCartContents(ctx, cart.id), readShopConfig(ctx)]);
  const skus = contents.lines.map((line) => line.sku);
  const [catalog, availability] = await Promise.all([catalogFor(ctx, skus, cart.channel), readAvailability(ctx, skus)]);
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
