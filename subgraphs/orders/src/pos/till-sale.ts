/**
 * A sale at the till (posOrderCreate): the same checkout as every channel, with the till's
 * facts. Lines come by SKU or barcode and are priced by the catalog and promotions for the POS
 * channel (a manager may override a price or take an amount off a line, with a reason recorded
 * as a flag); the stock is held at the store of the staff token; the tenders are any mix that
 * adds up (cash with change, a card through the provider, a standalone terminal's reference,
 * gift card, store credit, points, manual). The device's `clientOrderId` is the cart the saga
 * completes, so one id is one order however often it is sent; the same id with other content
 * is a CONFLICT. Once placed, the goods are handed over at once: they leave stock there as a sale.
 */
import { callerScope, MANAGER_ROLES } from '#platform/auth';
import { IDEMPOTENCY_KEY_MISMATCH, idempotencyKeyErrors, requestHash } from '#platform/db';
import { MoneyFormatError, parseMinorUnits, SalesChannel, UserError, type MoneyInput } from '#platform/graphql';
import { VariantsForPricing, type PricingVariant } from '#contracts/products';
import { subgraphUnavailable } from '#platform/internal';
import { countedLines, priceCart, type CartLineInput, type CatalogRow } from '../cart-pricing';
import { completeCheckout, readCheckout, type PosSale, type TenderInput } from '../checkout';
import { catalogRow } from '../clients/catalog';
import { evaluateDiscounts } from '../clients/discounts';
import { readAvailability } from '../clients/stock';
import type { OrdersContext } from '../context';
import { Cart, DeliveryMethod, FulfillmentKind, FulfillmentOrder, Order, PosSession, openUnits } from '../entities';
import { OrdersErrorCode } from '../errors';
import { fulfil } from '../fulfilment/fulfil';
import { PosPaymentMethod, type PosOrderCreateInput, type PosPaymentInput } from '../inputs/pos.input';
import { toPricedCart } from '../services/checkout.service';
import { readShopConfig } from '../services/shop-config.service';

export type TillSaleOutcome = { ok: true; order: Order } | { ok: false; userErrors: UserError[] };

const refused = (field: string[] | null, message: string, code: string): TillSaleOutcome => ({
  ok: false,
  userErrors: [new UserError(field, message, code)],
});

export async function sellAtTill(ctx: OrdersContext, input: PosOrderCreateInput, idempotencyKey: string): Promise<TillSaleOutcome> {
  const viewer = ctx.viewer;
  const locationId = viewer.locationId;
  if (!locationId) return refused(null, 'Sign in at a store to sell at its till', OrdersErrorCode.LOCATION_REQUIRED);
  const errors = inputProblems(ctx, input, idempotencyKey);
  if (errors.length) return { ok: false, userErrors: errors };
  const clientOrderId = input.clientOrderId.trim();
  const hash = requestHash({ ...input, locationId });

  // A key answers only the sale it was first sent with: another sale, or this one with other content, is a key reused.
  const scope = callerScope(viewer);
  const keyed = await readCheckout(ctx.em.fork(), { scope, key: idempotencyKey });
  const keyReused = refused(
    ['idempotencyKey'],
    `Idempotency key "${idempotencyKey}" was already used for a different request`,
    IDEMPOTENCY_KEY_MISMATCH,
  );
  if (keyed && keyed.cart_id !== `pos:${clientOrderId}`) return keyReused;

  // One order per device id: the same content answers it, other content is a conflict.
  const earlier = await ctx.em.fork().findOne(Order, { clientOrderId });
  if (earlier) {
    if (earlier.clientRequestHash !== hash)
      return keyed
        ? keyReused
        : refused(['input', 'clientOrderId'], 'This clientOrderId was used for another sale', OrdersErrorCode.CONFLICT);
    return { ok: true, order: await handOver(ctx, earlier, idempotencyKey) };
  }

  const lines = await resolveLines(ctx, input);
  if (!lines.ok) return lines;
  const tenders = tendersOf(ctx, input.payments);
  if (!tenders.ok) return tenders;
  const session = await ctx.em.fork().findOne(PosSession, { deviceId: input.deviceId.trim(), locationId, closedAt: null });
  const priced = await priceTillSale(ctx, input, lines.value, locationId, clientOrderId);
  if (!priced.ok) return priced;

  const pos: PosSale = {
    locationId,
    staffId: viewer.subject as string,
    deviceId: input.deviceId.trim(),
    clientOrderId,
    requestHash: hash,
    sessionId: session?.id ?? null,
    flags: priced.flags,
  };
  const answer = await completeCheckout(ctx.checkout, {
    deadline: ctx.deadline,
    scope,
    idempotencyKey,
    input: { cartId: priced.cart.cartId, email: null, tenders: tenders.value, expectedTotalMinor: null, pos },
    caller: { customerId: input.customerId ?? null, isStaff: true },
    price: async () => priced.cart,
  });
  if (!answer.ok) return { ok: false, userErrors: answer.userErrors.map((e) => new UserError(e.field, e.message, e.code)) };
  const order = await ctx.em.fork().findOneOrFail(Order, { id: answer.orderId });
  if (order.clientRequestHash !== hash) {
    return refused(['input', 'clientOrderId'], 'This clientOrderId was used for another sale', OrdersErrorCode.CONFLICT);
  }
  return { ok: true, order: await handOver(ctx, order, idempotencyKey) };
}

/** The goods leave with the customer: each fulfilment order's units leave stock at the store as a sale (a pending one finishes on its own). */
export async function handOver(ctx: OrdersContext, order: Order, idempotencyKey: string): Promise<Order> {
  const open = (await ctx.em.fork().find(FulfillmentOrder, { orderId: order.id })).filter((fo) => fo.lines.some((l) => openUnits(l) > 0));
  for (const fulfillmentOrder of open) {
    await fulfil(
      { em: () => ctx.em.fork(), inventory: ctx.inventory, logger: ctx.logger },
      {
        fulfillmentOrderId: fulfillmentOrder.id,
        lines: null,
        kind: FulfillmentKind.PICKUP,
        tracking: [],
        callerScope: `till:${order.id}`,
        idempotencyKey: `${idempotencyKey}:${fulfillmentOrder.id}`,
        viewer: ctx.viewer,
      },
    );
  }
  return ctx.em.fork().findOneOrFail(Order, { id: order.id });
}

function inputProblems(ctx: OrdersContext, input: PosOrderCreateInput, idempotencyKey: string): UserError[] {
  const errors: UserError[] = idempotencyKeyErrors(idempotencyKey);
  if (!input.clientOrderId.trim())
    errors.push(new UserError(['input', 'clientOrderId'], 'Send the sale’s id from the till', OrdersErrorCode.BLANK));
  if (!input.deviceId.trim()) errors.push(new UserError(['input', 'deviceId'], 'Send the till’s id', OrdersErrorCode.BLANK));
  if (input.lines.length === 0) errors.push(new UserError(['input', 'lines'], 'Sell at least one line', OrdersErrorCode.BLANK));
  const manager = MANAGER_ROLES.includes(ctx.viewer.role);
  input.lines.forEach((line, index) => {
    const field = ['input', 'lines', String(index)];
    if (!line.sku?.trim() === !line.barcode?.trim())
      errors.push(new UserError(field, 'Give a SKU or a barcode, not both', OrdersErrorCode.INVALID));
    if ((line.priceOverride || line.discount) && !manager)
      errors.push(new UserError(field, 'Only a manager may change a price or discount a line', OrdersErrorCode.OVERRIDE_NOT_ALLOWED));
    if ((line.priceOverride || line.discount) && !line.reason?.trim())
      errors.push(new UserError([...field, 'reason'], 'Say why the price changes', OrdersErrorCode.BLANK));
  });
  return errors;
}

export interface TillLine {
  sku: string;
  quantity: number;
  overrideMinor: number | null;
  discountMinor: number;
  reason: string | null;
}

/** Each line's SKU (a scanned barcode looked up in the catalog), with the manager's changes in minor units. */
async function resolveLines(
  ctx: OrdersContext,
  input: PosOrderCreateInput,
): Promise<{ ok: true; value: TillLine[] } | { ok: false; userErrors: UserError[] }> {
  const barcodes = input.lines.flatMap((l) => (l.barcode?.trim() ? [l.barcode.trim()] : []));
  let variants: PricingVariant[] = [];
  if (barcodes.length > 0) {
    const result = await ctx.products.call(ctx, VariantsForPricing, { skus: [], barcodes, channel: SalesChannel.POS });
    if (!result.ok) throw subgraphUnavailable('The catalog cannot be reached');
    variants = result.value;
  }
  const errors: UserError[] = [];
  const lines: TillLine[] = [];
  input.lines.forEach((line, index) => {
    const field = ['input', 'lines', String(index)];
    const barcode = line.barcode?.trim();
    const sku = barcode ? variants.find((v) => v.barcode === barcode)?.sku : line.sku?.trim();
    if (!sku) {
      errors.push(new UserError([...field, 'barcode'], `No product has the barcode ${barcode}`, OrdersErrorCode.UNKNOWN_SKU));
      return;
    }
    const overrideMinor = money(ctx, line.priceOverride, [...field, 'priceOverride'], errors);
    const discountMinor = money(ctx, line.discount, [...field, 'discount'], errors) ?? 0;
    lines.push({ sku, quantity: line.quantity, overrideMinor, discountMinor, reason: line.reason?.trim() ?? null });
  });
  const skus = lines.map((l) => l.sku);
  if (new Set(skus).size !== skus.length)
    errors.push(new UserError(['input', 'lines'], 'List each product once, with its quantity', OrdersErrorCode.TAKEN));
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: lines };
}

function money(ctx: OrdersContext, value: MoneyInput | null | undefined, field: string[], errors: UserError[]): number | null {
  if (!value) return null;
  try {
    const minor = parseMinorUnits(value.amount, ctx.currencyCode);
    if (minor < 0) errors.push(new UserError(field, 'An amount cannot be negative', OrdersErrorCode.INVALID));
    return minor;
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    errors.push(new UserError(field, error.message, OrdersErrorCode.INVALID));
    return null;
  }
}

export function tendersOf(
  ctx: OrdersContext,
  payments: readonly PosPaymentInput[],
): { ok: true; value: TenderInput[] } | { ok: false; userErrors: UserError[] } {
  const errors: UserError[] = [];
  const tenders: TenderInput[] = [];
  payments.forEach((payment, index) => {
    const field = ['input', 'payments', String(index)];
    const amountMinor = money(ctx, payment.amount, [...field, 'amount'], errors) ?? 0;
    const tenderedMinor = money(ctx, payment.amountTendered, [...field, 'amountTendered'], errors);
    if (tenderedMinor !== null && payment.method !== PosPaymentMethod.CASH)
      errors.push(new UserError([...field, 'amountTendered'], 'Change is given on cash only', OrdersErrorCode.INVALID));
    switch (payment.method) {
      case PosPaymentMethod.CASH:
        tenders.push({ method: 'CASH', amountMinor, tenderedMinor });
        break;
      case PosPaymentMethod.CARD:
        if (!payment.cardNumber)
          errors.push(new UserError([...field, 'cardNumber'], 'A card payment needs the card number', OrdersErrorCode.BLANK));
        else tenders.push({ method: 'TEST_CARD', amountMinor, cardNumber: payment.cardNumber });
        break;
      case PosPaymentMethod.CARD_EXTERNAL:
        if (!payment.reference?.trim())
          errors.push(new UserError([...field, 'reference'], "A terminal payment needs the terminal's reference", OrdersErrorCode.BLANK));
        else tenders.push({ method: 'CARD_EXTERNAL', amountMinor, reference: payment.reference.trim() });
        break;
      case PosPaymentMethod.GIFT_CARD:
        if (!payment.giftCardCode)
          errors.push(new UserError([...field, 'giftCardCode'], 'A gift card payment needs the code', OrdersErrorCode.BLANK));
        else tenders.push({ method: 'GIFT_CARD', amountMinor, code: payment.giftCardCode });
        break;
      case PosPaymentMethod.STORE_CREDIT:
        tenders.push({ method: 'STORE_CREDIT', amountMinor });
        break;
      case PosPaymentMethod.LOYALTY_POINTS:
        tenders.push({ method: 'LOYALTY_POINTS', amountMinor });
        break;
      case PosPaymentMethod.MANUAL:
        tenders.push({ method: 'MANUAL', amountMinor });
        break;
    }
  });
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: tenders };
}

/** The sale priced for the POS channel at the store, with the manager's price overrides and line discounts applied and flagged. */
export async function priceTillSale(
  ctx: OrdersContext,
  input: Pick<PosOrderCreateInput, 'customerId' | 'discountCodes'>,
  lines: TillLine[],
  locationId: string,
  clientOrderId: string,
) {
  const cartLines: CartLineInput[] = lines.map((line, index) => ({
    id: `line-${index}`,
    sku: line.sku,
    quantity: line.quantity,
    priceAtAddMinor: null,
  }));
  const skus = lines.map((l) => l.sku);
  const [config, catalogRead, availability] = await Promise.all([
    readShopConfig(ctx),
    ctx.products.call(ctx, VariantsForPricing, { skus, channel: SalesChannel.POS }),
    readAvailability(ctx, skus),
  ]);
  if (!catalogRead.ok) throw subgraphUnavailable('The catalog cannot be reached');
  const catalog = new Map<string, CatalogRow>();
  const flags: PosSale['flags'] = [];
  const errors: UserError[] = [];
  lines.forEach((line, index) => {
    const variant = catalogRead.value.find((v) => v.sku === line.sku);
    if (!variant || !variant.sellable) {
      errors.push(new UserError(['input', 'lines', String(index)], `${line.sku} is not sold at the till`, OrdersErrorCode.UNKNOWN_SKU));
      return;
    }
    const listMinor = parseMinorUnits(variant.price.amount, ctx.currencyCode);
    catalog.set(line.sku, { ...catalogRow(ctx, variant), unitPriceMinor: line.overrideMinor ?? listMinor });
    if (line.overrideMinor !== null)
      flags.push({
        code: 'PRICE_OVERRIDDEN',
        message: `${line.sku}: ${listMinor} → ${line.overrideMinor} (${line.reason})`,
        orderLineIndex: index,
      });
    if (line.discountMinor > 0)
      flags.push({ code: 'LINE_DISCOUNTED', message: `${line.sku}: ${line.discountMinor} off (${line.reason})`, orderLineIndex: index });
  });
  if (errors.length) return { ok: false as const, userErrors: errors };
  const evaluation = await evaluateDiscounts(ctx, {
    lines: countedLines(cartLines, catalog),
    customerId: input.customerId ?? null,
    channel: SalesChannel.POS,
    codes: input.discountCodes ?? [],
    shippingMinor: 0,
  });
  lines.forEach((line, index) => {
    if (line.discountMinor <= 0) return;
    const id = `line-${index}`;
    const taken = (evaluation.allocations.get(id) ?? []).reduce((sum, a) => sum + a.amountMinor, 0);
    const room = line.quantity * (catalog.get(line.sku)?.unitPriceMinor ?? 0) - taken;
    const amountMinor = Math.min(line.discountMinor, Math.max(0, room));
    if (amountMinor > 0) {
      evaluation.allocations.set(id, [
        ...(evaluation.allocations.get(id) ?? []),
        { discountId: 'manual', title: `Staff discount: ${line.reason}`, code: null, amountMinor },
      ]);
    }
  });
  const pricing = priceCart({
    channel: SalesChannel.POS,
    lines: cartLines,
    codes: input.discountCodes ?? [],
    buyerCountryCode: ctx.shopCountryCode,
    delivery: { method: DeliveryMethod.PICKUP, shippingRateId: null, locationId, addressCountryCode: null, addressProvince: null },
    catalog,
    availability,
    evaluation,
    taxRates: config.taxRates,
    zones: config.zones,
    pricesIncludeTax: ctx.pricesIncludeTax,
    shopCountryCode: ctx.shopCountryCode,
    shipToStoreDays: ctx.shipToStoreDays,
  });
  const sale = Object.assign(new Cart(), {
    id: `pos:${clientOrderId}`,
    channel: SalesChannel.POS,
    customerId: input.customerId ?? null,
    email: null,
    currencyCode: ctx.currencyCode,
    countryCode: ctx.shopCountryCode,
    deliveryMethod: DeliveryMethod.PICKUP,
    pickupLocationId: locationId,
  });
  // The goods are handed over where the till is, whether or not that location offers pickup to online shoppers.
  const cart = toPricedCart(sale, pricing);
  return {
    ok: true as const,
    cart: { ...cart, delivery: cart.delivery ?? { method: 'PICKUP' as const, locationId, address: null, near: null } },
    flags,
  };
}
