/** Turns a priced cart into the GraphQL objects clients select: minor units to Money, rates to percentages. */
import { toGlobalId } from '#platform/ids';
import { Money, pageRequest, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { CartPricing, DeliveryOptionValue, PricedCartLine } from '../cart-pricing';
import type { OrdersContext } from '../context';
import { basisPointsToPercent } from '../rules/percent';
import type { Cart, DeliveryMethod } from '../entities';
import type { CartCost, CartDelivery, CartLineView, DeliveryOption } from '../types/cart.types';
import { cartPricing } from './cart-pricing.service';

export async function cartLines(ctx: OrdersContext, cart: Cart, args: ConnectionArgs): Promise<ConnectionShape<CartLineView>> {
  const backward = args.last != null || args.before != null;
  const page = pageRequest({ ...args, first: args.first ?? (backward ? null : 250) }, { backward: true });
  const { lines } = await cartPricing(ctx, cart);
  const cursor = page.after ? Number(page.after[0]) : null;
  const indexed = lines.map((line, index) => ({ line, index }));
  // Paging backward reads from `before` toward the first line, as toConnection expects.
  const read = page.backward ? indexed.slice(0, cursor ?? indexed.length).reverse() : indexed.slice(cursor === null ? 0 : cursor + 1);
  const views = read.slice(0, page.limit).map(({ line, index }) => ({ view: lineView(ctx, line), index }));
  const connection = toConnection(views, page, (row) => [row.index]);
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.view })),
    nodes: connection.nodes.map((row) => row.view),
  };
}

function lineView(ctx: OrdersContext, line: PricedCartLine): CartLineView {
  const money = (minor: number) => Money.fromMinor(minor, ctx.currencyCode);
  return {
    id: line.id,
    sku: line.sku,
    quantity: line.quantity,
    variant: line.catalog ? { sku: line.sku } : null,
    unitPrice: money(line.unitPriceMinor),
    compareAtPrice: line.compareAtMinor === null ? null : money(line.compareAtMinor),
    discountAllocations: line.allocations.map((allocation) => ({
      discountId: allocation.discountId,
      title: allocation.title,
      code: allocation.code,
      amount: money(allocation.amountMinor),
    })),
    cost: {
      subtotal: money(line.subtotalMinor),
      discount: money(line.discountMinor),
      tax: money(line.taxMinor),
      total: money(line.totalMinor),
    },
  };
}

export function costView(ctx: OrdersContext, pricing: CartPricing): CartCost {
  const money = (minor: number) => Money.fromMinor(minor, ctx.currencyCode);
  const { cost } = pricing;
  return {
    subtotal: money(cost.subtotalMinor),
    discountTotal: money(cost.discountTotalMinor),
    shippingTotal: money(cost.shippingMinor),
    shippingDiscount: money(cost.shippingDiscountMinor),
    taxTotal: money(cost.taxTotalMinor),
    total: money(cost.totalMinor),
    pricesIncludeTax: cost.pricesIncludeTax,
    taxCountryCode: cost.taxCountryCode,
    taxLines: cost.taxLines.map((line) => ({
      title: line.name,
      ratePercent: basisPointsToPercent(line.rateBasisPoints),
      amount: money(line.amountMinor),
    })),
  };
}

/**
 * A handle as clients see it: the method and the global id of the rate or store
 * ("SHIP:gid://commerce/ShippingRate/…", "PICKUP:gid://commerce/Location/…"), so a client may
 * also build one from a store's `id`. cartDeliveryUpdate accepts raw ids as well.
 */
function publicHandle(option: DeliveryOptionValue): string {
  if (option.shippingRateId) return `${option.method}:${toGlobalId('ShippingRate', option.shippingRateId)}`;
  if (option.locationId) return `${option.method}:${toGlobalId('Location', option.locationId)}`;
  return option.handle;
}

export function optionView(ctx: OrdersContext, option: DeliveryOptionValue): DeliveryOption {
  return {
    handle: publicHandle(option),
    method: option.method as DeliveryMethod,
    title: option.title,
    price: Money.fromMinor(option.priceMinor, ctx.currencyCode),
    location: option.locationId ? { id: option.locationId } : null,
    minDays: option.minDays,
    maxDays: option.maxDays,
    quantityAvailableNow: option.quantityAvailableNow,
  };
}

export async function deliveryView(ctx: OrdersContext, cart: Cart): Promise<CartDelivery | null> {
  if (!cart.deliveryMethod) return null;
  const { delivery } = await cartPricing(ctx, cart);
  return { method: cart.deliveryMethod, option: delivery ? optionView(ctx, delivery) : null, address: cart.shippingAddress };
}
