/**
 * Offline till sales, synced later (posOrdersSync): the till's facts stand (its prices, its
 * discounts, its sale time) and what differs from what the server would have done is flagged.
 *
 * Exactly once per `clientOrderId`: inventory records the sale's stock under a key made from it
 * (offline, so even below zero, the level flagged for reconciliation), and the order row is
 * unique by it, so a replayed batch, a lost answer followed by a retry, or the same sale sent by
 * two devices gives one order and one stock movement; the same id with other content is a
 * CONFLICT and records nothing. Each sale is handled on its own: one failing never stops the rest.
 * Stored value (gift cards, store credit, points) is never debited offline: the tender is
 * recorded as pending, for staff to follow up.
 */
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InventorySaleRecord, StockErrorCode } from '#contracts/inventory';
import { PRICING_LOOKUP_LIMIT, VariantsForPricing, type PricingVariant } from '#contracts/products';
import { IDEMPOTENCY_KEY_MISMATCH, requestHash, sql } from '#platform/db';
import { MoneyFormatError, parseMinorUnits, SalesChannel, UserError, type MoneyInput } from '#platform/graphql';
import { subgraphUnavailable } from '#platform/internal';
import { countedLines, priceCart, type CartLineInput, type CatalogRow, type TaxRateRow } from '../cart-pricing';
import { evaluateDiscounts } from '../clients/discounts';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import {
  DeliveryMethod,
  Fulfillment,
  FulfillmentKind,
  FulfillmentMethod,
  FulfillmentState,
  Order,
  OrderLine,
  Payment,
  PaymentEventRecord,
  PosSession,
  type OrderFlagData,
} from '../entities';
import { CheckoutErrorCode, OrdersErrorCode } from '../errors';
import { PosPaymentMethod, type PosOfflineOrderInput } from '../inputs/pos.input';
import { appendOrderEvents } from '../order-events';
import { financialStatus, summarizePayment, type PaymentEvent } from '../payments';
import { readShopConfig } from '../services/shop-config.service';
import type { ShippingZone } from '../pricing';

/** At most this many sales per call. */
export const MAX_SYNC_BATCH = 250;
/** A till's clock may run this far ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type SyncStatus = 'CREATED' | 'DUPLICATE' | 'CONFLICT' | 'REJECTED';

export interface SyncResult {
  clientOrderId: string;
  status: SyncStatus;
  order: Order | null;
  userErrors: UserError[];
}

interface BatchContext {
  ctx: OrdersContext;
  locationId: string;
  deviceId: string;
  variants: PricingVariant[];
  taxRates: TaxRateRow[];
  zones: ShippingZone[];
  sessionId: string | null;
}

export async function syncOfflineSales(
  ctx: OrdersContext,
  deviceId: string,
  sales: readonly PosOfflineOrderInput[],
): Promise<{ ok: true; results: SyncResult[] } | { ok: false; userErrors: UserError[] }> {
  const locationId = ctx.viewer.locationId;
  if (!locationId) return refusedBatch(null, 'Sign in at a store to sync its till', OrdersErrorCode.LOCATION_REQUIRED);
  if (!deviceId.trim() || deviceId.length > 100)
    return refusedBatch(['deviceId'], 'Send the till’s id (1 to 100 characters)', OrdersErrorCode.INVALID);
  if (sales.length > MAX_SYNC_BATCH) {
    return refusedBatch(['orders'], `Sync at most ${MAX_SYNC_BATCH} sales per call; nothing was recorded`, OrdersErrorCode.TOO_MANY);
  }
  const [variants, config] = await Promise.all([readVariants(ctx, sales), readShopConfig(ctx)]);
  const session = await ctx.em.fork().findOne(PosSession, { deviceId: deviceId.trim(), locationId, closedAt: null });
  const batch: BatchContext = {
    ctx,
    locationId,
    deviceId: deviceId.trim(),
    variants,
    taxRates: config.taxRates,
    zones: config.zones,
    sessionId: session?.id ?? null,
  };
  // In the order the till sold them: a level goes below zero on the sale that took it there, and only that one is flagged.
  const results: SyncResult[] = [];
  for (const sale of sales) results.push(await syncOne(batch, sale));
  return { ok: true, results };
}

async function syncOne(batch: BatchContext, sale: PosOfflineOrderInput): Promise<SyncResult> {
  const clientOrderId = sale.clientOrderId.trim();
  const rejected = (errors: UserError[]): SyncResult => ({ clientOrderId, status: 'REJECTED', order: null, userErrors: errors });
  try {
    const hash = requestHash({ ...sale, clientOrderId, locationId: batch.locationId });
    const earlier = await existing(batch.ctx.em.fork(), clientOrderId, hash);
    if (earlier) return { clientOrderId, ...earlier };
    const facts = saleFacts(batch, sale);
    if (!facts.ok) return rejected(facts.userErrors);

    const flags: OrderFlagData[] = [...facts.flags];
    if ((sale.discountCodes ?? []).length > 0) flags.push(...(await codeFlags(batch, sale, facts.value)));

    const stock = await batch.ctx.inventory.call(batch.ctx, InventorySaleRecord, {
      input: {
        idempotencyKey: `pos-sale:${clientOrderId}`,
        locationId: batch.locationId,
        channel: SalesChannel.POS,
        lines: facts.value.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        offline: true,
        occurredAt: sale.soldAt.toISOString(),
        reference: `pos:${clientOrderId}`,
      },
    });
    if (!stock.ok && stock.reason === 'UNAVAILABLE') {
      return rejected([
        new UserError(null, 'Inventory did not answer; nothing was recorded. Sync the sale again', OrdersErrorCode.SYNC_LATER),
      ]);
    }
    if (!stock.ok) {
      // Another device recorded other content under this id first.
      if (stock.userErrors.some((e) => e.code === IDEMPOTENCY_KEY_MISMATCH)) return conflict(clientOrderId);
      return rejected(
        stock.userErrors.map(
          (e) =>
            new UserError(null, e.message, e.code === StockErrorCode.UNKNOWN_SKU ? OrdersErrorCode.UNKNOWN_SKU : OrdersErrorCode.INVALID),
        ),
      );
    }
    for (const level of stock.value.inventoryLevels ?? []) {
      if (level.onHand < 0) {
        flags.push({
          code: 'STOCK_BELOW_ZERO',
          message: `${level.sku} stood at ${level.onHand} after the sale; the level is flagged for a count`,
        });
      }
    }
    try {
      const order = await batch.ctx.em.fork().transactional((em) => recordOrder(em, batch, sale, facts.value, flags, hash));
      return { clientOrderId, status: 'CREATED', order, userErrors: [] };
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // The same sale from another device won the race: its order is this one, or a conflict.
      const raced = await existing(batch.ctx.em.fork(), clientOrderId, hash);
      if (raced) return { clientOrderId, ...raced };
      throw error;
    }
  } catch (error) {
    batch.ctx.logger.error({ err: error, clientOrderId }, 'pos sync: a sale failed; the rest of the batch goes on');
    return rejected([new UserError(null, 'The sale could not be recorded; sync it again', OrdersErrorCode.SYNC_LATER)]);
  }
}

async function existing(em: EntityManager, clientOrderId: string, hash: string): Promise<Omit<SyncResult, 'clientOrderId'> | null> {
  const order = await em.findOne(Order, { clientOrderId });
  if (!order) return null;
  if (order.clientRequestHash === hash) return { status: 'DUPLICATE', order, userErrors: [] };
  return { status: 'CONFLICT', order: null, userErrors: conflict(clientOrderId).userErrors };
}

const conflict = (clientOrderId: string): SyncResult => ({
  clientOrderId,
  status: 'CONFLICT',
  order: null,
  userErrors: [new UserError(['clientOrderId'], 'This clientOrderId was synced before with other content', OrdersErrorCode.CONFLICT)],
});

interface SaleFacts {
  lines: { sku: string; quantity: number; unitPriceMinor: number; discountMinor: number; variant: PricingVariant }[];
  tenders: { method: PosPaymentMethod; amountMinor: number; tenderedMinor: number; reference: string | null }[];
  totalMinor: number;
}

/** The sale as the till made it, checked: known products, amounts, tenders that add up, a sale time not in the future. */
function saleFacts(
  batch: BatchContext,
  sale: PosOfflineOrderInput,
): { ok: true; value: SaleFacts; flags: OrderFlagData[] } | { ok: false; userErrors: UserError[] } {
  const { ctx } = batch;
  const errors: UserError[] = [];
  const flags: OrderFlagData[] = [];
  const money = (value: MoneyInput | null | undefined, field: string[]): number => {
    if (!value) return 0;
    try {
      const minor = parseMinorUnits(value.amount, ctx.currencyCode);
      if (minor < 0) errors.push(new UserError(field, 'An amount cannot be negative', OrdersErrorCode.INVALID));
      return minor;
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      errors.push(new UserError(field, error.message, OrdersErrorCode.INVALID));
      return 0;
    }
  };
  if (!sale.clientOrderId.trim()) errors.push(new UserError(['clientOrderId'], 'Send the sale’s id from the till', OrdersErrorCode.BLANK));
  if (sale.soldAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    errors.push(new UserError(['soldAt'], 'A sale time in the future', OrdersErrorCode.INVALID));
  if (sale.lines.length === 0) errors.push(new UserError(['lines'], 'A sale has at least one line', OrdersErrorCode.BLANK));
  const lines: SaleFacts['lines'] = [];
  sale.lines.forEach((line, index) => {
    const field = ['lines', String(index)];
    if (!line.sku?.trim() === !line.barcode?.trim()) {
      errors.push(new UserError(field, 'Give a SKU or a barcode, not both', OrdersErrorCode.INVALID));
      return;
    }
    const variant = line.barcode?.trim()
      ? batch.variants.find((v) => v.barcode === line.barcode?.trim())
      : batch.variants.find((v) => v.sku === line.sku?.trim());
    if (!variant) {
      errors.push(
        new UserError(
          field,
          `No product has ${line.barcode ? 'the barcode' : 'the SKU'} ${line.barcode ?? line.sku}`,
          OrdersErrorCode.UNKNOWN_SKU,
        ),
      );
      return;
    }
    const unitPriceMinor = money(line.unitPrice, [...field, 'unitPrice']);
    const discountMinor = money(line.discount, [...field, 'discount']);
    if (discountMinor > unitPriceMinor * line.quantity)
      errors.push(new UserError([...field, 'discount'], 'A discount above the line’s price', OrdersErrorCode.INVALID));
    const listMinor = parseMinorUnits(variant.price.amount, ctx.currencyCode);
    if (listMinor !== unitPriceMinor)
      flags.push({ code: 'PRICE_CHANGED', message: `${variant.sku}: the till charged ${unitPriceMinor}, the catalog says ${listMinor}` });
    lines.push({ sku: variant.sku, quantity: line.quantity, unitPriceMinor, discountMinor, variant });
  });
  if (new Set(lines.map((l) => l.sku)).size !== lines.length)
    errors.push(new UserError(['lines'], 'List each product once, with its quantity', OrdersErrorCode.TAKEN));
  const tenders: SaleFacts['tenders'] = [];
  sale.payments.forEach((payment, index) => {
    const field = ['payments', String(index)];
    const amountMinor = money(payment.amount, [...field, 'amount']);
    const tenderedMinor = payment.amountTendered ? money(payment.amountTendered, [...field, 'amountTendered']) : amountMinor;
    if (amountMinor <= 0) errors.push(new UserError([...field, 'amount'], 'A payment must be a positive amount', OrdersErrorCode.INVALID));
    if (payment.method !== PosPaymentMethod.CASH && payment.amountTendered)
      errors.push(new UserError([...field, 'amountTendered'], 'Change is given on cash only', OrdersErrorCode.INVALID));
    if (payment.method === PosPaymentMethod.CASH && tenderedMinor < amountMinor)
      errors.push(new UserError([...field, 'amountTendered'], 'Less cash was handed over than the amount', CheckoutMismatch));
    if (payment.method === PosPaymentMethod.CARD)
      errors.push(
        new UserError(
          [...field, 'method'],
          'Offline, a card is taken on a terminal: CARD_EXTERNAL with its reference',
          OrdersErrorCode.INVALID,
        ),
      );
    if (STORED_VALUE.includes(payment.method)) {
      if ((payment.method === PosPaymentMethod.STORE_CREDIT || payment.method === PosPaymentMethod.LOYALTY_POINTS) && !sale.customerId)
        errors.push(new UserError(field, 'Store credit and points need the customer', CheckoutErrorCode.CUSTOMER_REQUIRED));
      flags.push({
        code: 'STORED_VALUE_FOLLOW_UP',
        message: `${payment.method} ${amountMinor} was taken offline and not debited: follow it up`,
      });
    }
    tenders.push({
      method: payment.method,
      amountMinor,
      tenderedMinor,
      reference: payment.reference?.trim() || payment.giftCardCode?.trim() || null,
    });
  });
  const totalMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity - l.discountMinor, 0);
  const paid = tenders.reduce((sum, t) => sum + t.amountMinor, 0);
  if (errors.length === 0 && paid !== totalMinor) {
    errors.push(new UserError(['payments'], `The payments add up to ${paid}, not the sale's ${totalMinor}`, CheckoutMismatch));
  }
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: { lines, tenders, totalMinor }, flags };
}

const CheckoutMismatch = CheckoutErrorCode.PAYMENT_MISMATCH;
const STORED_VALUE: readonly PosPaymentMethod[] = [
  PosPaymentMethod.GIFT_CARD,
  PosPaymentMethod.STORE_CREDIT,
  PosPaymentMethod.LOYALTY_POINTS,
];

/** Codes the till applied that no longer apply (ended, used up): honoured, and flagged. */
async function codeFlags(batch: BatchContext, sale: PosOfflineOrderInput, facts: SaleFacts): Promise<OrderFlagData[]> {
  const cartLines: CartLineInput[] = facts.lines.map((l, i) => ({
    id: `line-${i}`,
    sku: l.sku,
    quantity: l.quantity,
    priceAtAddMinor: null,
  }));
  const evaluation = await evaluateDiscounts(batch.ctx, {
    lines: countedLines(cartLines, catalogOf(batch, facts)),
    customerId: sale.customerId ?? null,
    channel: SalesChannel.POS,
    codes: sale.discountCodes ?? [],
    shippingMinor: 0,
  });
  return [...evaluation.rejectedCodes.entries()].map(([code, why]) => ({
    code: 'DISCOUNT_NOT_APPLICABLE',
    message: `${code}: ${why.message} (honoured as the till applied it)`,
  }));
}

/** Catalog rows carrying the till's prices: its facts stand. */
function catalogOf(batch: BatchContext, facts: SaleFacts): Map<string, CatalogRow> {
  return new Map(
    facts.lines.map((line) => [
      line.sku,
      {
        sku: line.sku,
        variantId: line.variant.variantId,
        productId: line.variant.productId,
        productTitle: line.variant.productTitle,
        variantTitle: line.variant.variantTitle,
        categoryIds: line.variant.categoryIds,
        status: 'ACTIVE',
        sellable: true,
        unitPriceMinor: line.unitPriceMinor,
        compareAtMinor: null,
        taxClass: line.variant.taxClass,
      },
    ]),
  );
}

/** The order as the till sold it, handed over, paid with what it took, in one transaction. */
async function recordOrder(
  em: EntityManager,
  batch: BatchContext,
  sale: PosOfflineOrderInput,
  facts: SaleFacts,
  flags: OrderFlagData[],
  hash: string,
): Promise<Order> {
  const { ctx } = batch;
  const cartLines: CartLineInput[] = facts.lines.map((l, i) => ({
    id: `line-${i}`,
    sku: l.sku,
    quantity: l.quantity,
    priceAtAddMinor: null,
  }));
  const allocations = new Map(
    facts.lines.map((l, i) => [
      `line-${i}`,
      l.discountMinor > 0 ? [{ discountId: 'till', title: 'Discount at the till', code: null, amountMinor: l.discountMinor }] : [],
    ]),
  );
  const pricing = priceCart({
    channel: SalesChannel.POS,
    lines: cartLines,
    codes: [],
    buyerCountryCode: ctx.shopCountryCode,
    delivery: {
      method: DeliveryMethod.PICKUP,
      shippingRateId: null,
      locationId: batch.locationId,
      addressCountryCode: null,
      addressProvince: null,
    },
    catalog: catalogOf(batch, facts),
    availability: { locations: [], levels: [] },
    evaluation: { allocations, shippingDiscountMinor: 0, rejectedCodes: new Map() },
    taxRates: batch.taxRates,
    zones: batch.zones,
    pricesIncludeTax: ctx.pricesIncludeTax,
    shopCountryCode: ctx.shopCountryCode,
    shipToStoreDays: ctx.shipToStoreDays,
  });
  const [{ n }] = await sql<{ n: string }>(em, `select nextval('"${SCHEMA}"."order_number_seq"') as n`);
  const order = Object.assign(new Order(), {
    number: `#${n}`,
    channel: SalesChannel.POS,
    customerId: sale.customerId ?? null,
    currencyCode: ctx.currencyCode,
    fulfillmentMethod: FulfillmentMethod.PICKUP,
    pickupLocationId: batch.locationId,
    locationId: batch.locationId,
    staffId: sale.staffId ?? ctx.viewer.subject,
    clientOrderId: sale.clientOrderId.trim(),
    clientRequestHash: hash,
    deviceId: batch.deviceId,
    posSessionId: batch.sessionId,
    subtotalMinor: pricing.cost.subtotalMinor,
    discountTotalMinor: pricing.cost.discountTotalMinor,
    taxTotalMinor: pricing.cost.taxTotalMinor,
    totalMinor: pricing.cost.totalMinor,
    pricesIncludeTax: ctx.pricesIncludeTax,
    taxLines: pricing.cost.taxLines,
    discountApplications: facts.lines.some((l) => l.discountMinor > 0)
      ? [{ discountId: 'till', title: 'Discount at the till', code: null, amountMinor: pricing.cost.discountTotalMinor }]
      : [],
    processedAt: sale.soldAt,
  });
  em.persist(order);
  const lines = pricing.lines.map((priced, position) => {
    const line = Object.assign(new OrderLine(), {
      orderId: order.id,
      position,
      sku: priced.sku,
      productId: facts.lines[position].variant.productId,
      variantId: facts.lines[position].variant.variantId,
      productTitle: facts.lines[position].variant.productTitle,
      variantTitle: facts.lines[position].variant.variantTitle,
      quantity: priced.quantity,
      unitPriceMinor: priced.unitPriceMinor,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      taxMinor: priced.taxMinor,
      totalMinor: priced.totalMinor,
      discountAllocations: priced.allocations,
      taxLines: priced.taxLines,
      quantityFulfilled: priced.quantity,
    });
    em.persist(line);
    return line;
  });
  order.flags = flags;
  // Handed over at the till when it was sold.
  em.persist(
    Object.assign(new Fulfillment(), {
      orderId: order.id,
      fulfillmentOrderId: order.id,
      locationId: batch.locationId,
      kind: FulfillmentKind.PICKUP,
      state: FulfillmentState.DONE,
      lines: lines.map((l) => ({ orderLineId: l.id, sku: l.sku, quantity: l.quantity })),
      callerScope: `till:${batch.deviceId}`,
      idempotencyKey: `pos-sale:${order.clientOrderId}`,
      requestHash: hash,
      staffId: order.staffId,
      createdAt: sale.soldAt,
    }),
  );
  const ledgers: PaymentEvent[][] = [];
  facts.tenders.forEach((tender, index) => {
    const method = tender.method === PosPaymentMethod.CARD_EXTERNAL ? 'CARD_EXTERNAL' : tender.method;
    const payment = Object.assign(new Payment(), {
      orderId: order.id,
      method,
      amountMinor: tender.amountMinor,
      currencyCode: ctx.currencyCode,
      sourceHint: tender.method === PosPaymentMethod.GIFT_CARD && tender.reference ? tender.reference.slice(-4) : null,
      providerReference: tender.method === PosPaymentMethod.CARD_EXTERNAL ? tender.reference : null,
    });
    em.persist(payment);
    // Stored value taken offline is not debited: the payment waits, PENDING, for staff to follow up.
    const events: PaymentEvent[] = STORED_VALUE.includes(tender.method)
      ? [{ kind: 'SALE', amountMinor: tender.amountMinor, status: 'PENDING' }]
      : [{ kind: 'SALE', amountMinor: tender.tenderedMinor, status: 'SUCCEEDED' }];
    if (tender.method === PosPaymentMethod.CASH && tender.tenderedMinor > tender.amountMinor)
      events.push({ kind: 'CHANGE', amountMinor: tender.tenderedMinor - tender.amountMinor, status: 'SUCCEEDED' });
    events.forEach((event, n) =>
      em.persist(
        Object.assign(new PaymentEventRecord(), {
          paymentId: payment.id,
          kind: event.kind,
          amountMinor: event.amountMinor,
          status: event.status,
          idempotencyKey: `pos-sale:${order.clientOrderId}:${index}:${n}`,
          providerReference: payment.providerReference,
          createdAt: sale.soldAt,
        }),
      ),
    );
    ledgers.push(events);
  });
  const paid = financialStatus(ledgers.map(summarizePayment), order.totalMinor) === 'PAID';
  await appendOrderEvents(em, order, [
    { type: 'order.placed' },
    ...(paid ? [{ type: 'order.paid' as const, data: { paidMinor: order.totalMinor } }] : []),
    {
      type: 'order.fulfilled',
      data: {
        fulfillmentId: randomUUID(),
        locationId: batch.locationId,
        kind: 'PICKUP',
        lines: lines.map((l) => ({ orderLineId: l.id, sku: l.sku, quantity: l.quantity })),
        tracking: [],
      },
    },
  ]);
  return order;
}

/** Every variant the batch names, by SKU or barcode, read in as few catalog calls as the lookup limit allows. */
async function readVariants(ctx: OrdersContext, sales: readonly PosOfflineOrderInput[]): Promise<PricingVariant[]> {
  const skus = [...new Set(sales.flatMap((s) => s.lines.flatMap((l) => (l.sku?.trim() ? [l.sku.trim()] : []))))];
  const barcodes = [...new Set(sales.flatMap((s) => s.lines.flatMap((l) => (l.barcode?.trim() ? [l.barcode.trim()] : []))))];
  const calls: Promise<PricingVariant[]>[] = [];
  for (let i = 0; i < Math.max(skus.length, barcodes.length); i += PRICING_LOOKUP_LIMIT) {
    calls.push(
      ctx.products
        .call(ctx, VariantsForPricing, {
          skus: skus.slice(i, i + PRICING_LOOKUP_LIMIT),
          barcodes: barcodes.slice(i, i + PRICING_LOOKUP_LIMIT),
        })
        .then((result) => {
          if (!result.ok) throw subgraphUnavailable('The catalog cannot be reached');
          return result.value;
        }),
    );
  }
  return (await Promise.all(calls)).flat();
}

const refusedBatch = (field: string[] | null, message: string, code: string) => ({
  ok: false as const,
  userErrors: [new UserError(field, message, code)],
});
