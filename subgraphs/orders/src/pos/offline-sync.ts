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
import { CustomersNow, representations } from '#contracts/customers';
import { InventorySalesRecord, StockErrorCode } from '#contracts/inventory';
import { PRICING_LOOKUP_LIMIT, VariantsForPricing, type PricingVariant } from '#contracts/products';
import { IDEMPOTENCY_KEY_MISMATCH, requestHash, sql } from '#platform/db';
import { MoneyFormatError, parseMinorUnits, SalesChannel, UserError, type MoneyInput } from '#platform/graphql';
import { subgraphUnavailable } from '#platform/internal';
import { countedLines, priceCart, type CartLineInput, type CatalogRow, type TaxRateRow } from '../cart-pricing';
import { catalogRow } from '../clients/catalog';
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
import { appendOrdersEvents, type OrderEventEntry } from '../order-events';
import { financialStatus, isStoredValue, summarizePayment, type PaymentEvent } from '../payments';
import { recordOrdersSold } from '../reports';
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
  return { ok: true, results: await syncBatch(batch, sales) };
}

/** A sale that passed its checks, on its way to inventory and the order tables. */
interface Candidate {
  index: number;
  /** Who bought it, as the customer stands now (a merged customer's survivor). */
  customerId: string | null;
  sale: PosOfflineOrderInput;
  clientOrderId: string;
  hash: string;
  facts: SaleFacts;
  flags: OrderFlagData[];
}

/**
 * The batch in four steps: what was synced before (one query), each sale's checks, one inventory
 * call for every new sale (each once per key, in the till's order, so the sale that took a level
 * below zero is the one flagged), then one transaction for all the orders.
 */
async function syncBatch(batch: BatchContext, sales: readonly PosOfflineOrderInput[]): Promise<SyncResult[]> {
  const { ctx } = batch;
  const results = new Array<SyncResult>(sales.length);
  const ids = sales.map((sale) => sale.clientOrderId.trim());
  const hashes = sales.map((sale, index) => requestHash({ ...sale, clientOrderId: ids[index], locationId: batch.locationId }));
  const known = new Map(
    (await ctx.em.fork().find(Order, { clientOrderId: { $in: ids.filter(Boolean) } })).map((o) => [o.clientOrderId, o]),
  );
  const inBatch = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  for (const [index, sale] of sales.entries()) {
    const clientOrderId = ids[index];
    const hash = hashes[index];
    const earlier = known.get(clientOrderId);
    if (earlier) {
      results[index] =
        earlier.clientRequestHash === hash
          ? { clientOrderId, status: 'DUPLICATE', order: earlier, userErrors: [] }
          : conflict(clientOrderId);
      continue;
    }
    const twin = inBatch.get(clientOrderId);
    if (twin) {
      // The same id twice in one batch: the first counts; a copy is answered with it once it is recorded.
      results[index] = twin.hash === hash ? { clientOrderId, status: 'DUPLICATE', order: null, userErrors: [] } : conflict(clientOrderId);
      continue;
    }
    const facts = saleFacts(batch, sale);
    if (!facts.ok) {
      results[index] = { clientOrderId, status: 'REJECTED', order: null, userErrors: facts.userErrors };
      continue;
    }
    const candidate: Candidate = {
      index,
      customerId: sale.customerId ?? null,
      sale,
      clientOrderId,
      hash,
      facts: facts.value,
      flags: [...facts.flags],
    };
    if ((sale.discountCodes ?? []).length > 0) candidate.flags.push(...(await codeFlags(batch, sale, facts.value)));
    inBatch.set(clientOrderId, candidate);
    candidates.push(candidate);
  }

  await resolveCustomers(batch, candidates);
  const recorded = await recordStock(batch, candidates, results);
  if (recorded.length > 0) {
    try {
      await writeOrders(batch, recorded, results);
    } catch (error) {
      ctx.logger.error({ err: error }, 'pos sync: the batch could not be written; nothing was recorded');
      for (const candidate of recorded) results[candidate.index] = syncLater(candidate.clientOrderId);
    }
  }
  // Duplicates answered with the order they duplicate (or a conflict, when another device's content differed).
  const unresolved = results.flatMap((r, index) => (r.status === 'DUPLICATE' && r.order === null ? [index] : []));
  if (unresolved.length > 0) {
    const orders = new Map(
      (await ctx.em.fork().find(Order, { clientOrderId: { $in: unresolved.map((i) => ids[i]) } })).map((o) => [o.clientOrderId, o]),
    );
    for (const index of unresolved) {
      const order = orders.get(ids[index]);
      results[index] = !order
        ? syncLater(ids[index])
        : order.clientRequestHash === hashes[index]
          ? { clientOrderId: ids[index], status: 'DUPLICATE', order, userErrors: [] }
          : conflict(ids[index]);
    }
  }
  return results;
}

/**
 * The recorded sales' orders, all in one transaction. Should another device sync one of these
 * sales at the same moment, its order wins the unique clientOrderId and this transaction fails
 * whole (rare); then the batch is written again a sale per savepoint, so each still gets its own
 * answer: CREATED, or DUPLICATE to be answered with the other device's order (or a conflict).
 * So it is when one sale cannot be written for any other reason: that sale is answered SYNC_LATER
 * and the others of its batch are still recorded.
 */
async function writeOrders(batch: BatchContext, recorded: readonly Candidate[], results: SyncResult[]): Promise<void> {
  const created = (candidate: Candidate, order: Order): SyncResult => ({
    clientOrderId: candidate.clientOrderId,
    status: 'CREATED',
    order,
    userErrors: [],
  });
  try {
    const orders = await batch.ctx.em.fork().transactional((em) => recordOrders(em, batch, recorded));
    recorded.forEach((candidate, i) => (results[candidate.index] = created(candidate, orders[i])));
    return;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException))
      batch.ctx.logger.warn({ err: error }, 'pos sync: the batch could not be written at once; writing it a sale at a time');
  }
  await batch.ctx.em.fork().transactional(async (em) => {
    for (const candidate of recorded) {
      try {
        const [order] = await em.transactional((savepoint) => recordOrders(savepoint, batch, [candidate]));
        results[candidate.index] = created(candidate, order);
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          results[candidate.index] = { clientOrderId: candidate.clientOrderId, status: 'DUPLICATE', order: null, userErrors: [] };
        } else {
          batch.ctx.logger.error({ err: error, clientOrderId: candidate.clientOrderId }, 'pos sync: a sale could not be written');
          results[candidate.index] = syncLater(candidate.clientOrderId);
        }
      }
    }
  });
}

/**
 * A customer merged into another since the till sold offline: the sale goes to the one they were
 * merged into, flagged; one erased or unknown since: the sale stands without a customer, flagged.
 * When customers does not answer, the sale keeps the id the till sent (its timeline entries
 * follow merges anyway).
 */
async function resolveCustomers(batch: BatchContext, candidates: Candidate[]): Promise<void> {
  const ids = [...new Set(candidates.flatMap((c) => (c.customerId ? [c.customerId] : [])))];
  if (ids.length === 0) return;
  const answer = await batch.ctx.customers.call(batch.ctx, CustomersNow, { representations: representations('Customer', ids) });
  if (!answer.ok) {
    batch.ctx.logger.warn({ answer }, 'pos sync: customers did not answer; sales keep the customer the till sent');
    return;
  }
  const now = new Map(ids.map((id, i) => [id, answer.value[i]?.id ?? null]));
  for (const candidate of candidates) {
    if (!candidate.customerId) continue;
    const current = now.get(candidate.customerId) ?? null;
    if (current === null) {
      candidate.flags.push({
        code: 'CUSTOMER_UNKNOWN',
        message: 'The customer the till named is unknown or was erased; the sale stands without one',
      });
    } else if (current !== candidate.customerId) {
      candidate.flags.push({ code: 'CUSTOMER_MERGED', message: 'The customer was merged into another since; the sale is theirs' });
    }
    candidate.customerId = current;
  }
}

/** Inventory records every candidate's stock in one call; the candidates it recorded, with their below-zero flags. */
async function recordStock(batch: BatchContext, candidates: Candidate[], results: SyncResult[]): Promise<Candidate[]> {
  if (candidates.length === 0) return [];
  const answer = await batch.ctx.inventory.call(batch.ctx, InventorySalesRecord, {
    sales: candidates.map((c) => ({
      idempotencyKey: `pos-sale:${c.clientOrderId}`,
      locationId: batch.locationId,
      channel: SalesChannel.POS,
      lines: c.facts.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      offline: true,
      occurredAt: c.sale.soldAt.toISOString(),
      reference: `pos:${c.clientOrderId}`,
    })),
  });
  if (!answer.ok || !answer.value.results) {
    batch.ctx.logger.warn({ answer }, 'pos sync: inventory did not record the batch');
    for (const c of candidates) results[c.index] = syncLater(c.clientOrderId);
    return [];
  }
  const recorded: Candidate[] = [];
  answer.value.results.forEach((outcome, i) => {
    const c = candidates[i];
    if (outcome.userErrors.length > 0) {
      // Another device recorded other content under this id first.
      results[c.index] = outcome.userErrors.some((e) => e.code === IDEMPOTENCY_KEY_MISMATCH)
        ? conflict(c.clientOrderId)
        : {
            clientOrderId: c.clientOrderId,
            status: 'REJECTED',
            order: null,
            userErrors: outcome.userErrors.map(
              (e) =>
                new UserError(
                  null,
                  e.message,
                  e.code === StockErrorCode.UNKNOWN_SKU ? OrdersErrorCode.UNKNOWN_SKU : OrdersErrorCode.INVALID,
                ),
            ),
          };
      return;
    }
    for (const level of outcome.inventoryLevels ?? []) {
      if (level.onHand < 0) {
        c.flags.push({
          code: 'STOCK_BELOW_ZERO',
          message: `${level.sku} stood at ${level.onHand} after the sale; the level is flagged for a count`,
        });
      }
    }
    recorded.push(c);
  });
  return recorded;
}

const syncLater = (clientOrderId: string): SyncResult => ({
  clientOrderId,
  status: 'REJECTED',
  order: null,
  userErrors: [new UserError(null, 'The sale could not be recorded now; nothing was recorded. Sync it again', OrdersErrorCode.SYNC_LATER)],
});

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
    // Every amount parses on its own, but a line's total must still count exactly (tax, ledgers and the order are sums of it).
    if (!Number.isSafeInteger(unitPriceMinor * line.quantity))
      errors.push(new UserError([...field, 'unitPrice'], 'The line’s total is too large', OrdersErrorCode.INVALID));
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
    if (isStoredValue(payment.method)) {
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
  if (errors.length === 0 && (!Number.isSafeInteger(totalMinor) || !Number.isSafeInteger(paid)))
    errors.push(new UserError(['lines'], 'The sale’s total is too large', OrdersErrorCode.INVALID));
  if (errors.length === 0 && paid !== totalMinor) {
    errors.push(new UserError(['payments'], `The payments add up to ${paid}, not the sale's ${totalMinor}`, CheckoutMismatch));
  }
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: { lines, tenders, totalMinor }, flags };
}

const CheckoutMismatch = CheckoutErrorCode.PAYMENT_MISMATCH;

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
        ...catalogRow(batch.ctx, line.variant),
        status: 'ACTIVE',
        sellable: true,
        unitPriceMinor: line.unitPriceMinor,
        compareAtMinor: null,
      },
    ]),
  );
}

/**
 * The candidates' orders as the till sold them, handed over, paid with what it took, in `em`'s
 * transaction: their numbers from one sequence read, one flush, one outbox write, their ledger
 * rows and pair counts together. One sale's savepoint is a batch of one.
 */
async function recordOrders(em: EntityManager, batch: BatchContext, candidates: readonly Candidate[]): Promise<Order[]> {
  const numbers = (
    await sql<{ n: string }>(em, `select nextval('"${SCHEMA}"."order_number_seq"') as n from generate_series(1, ?)`, [candidates.length])
  )
    .map((r) => Number(r.n))
    .sort((a, b) => a - b);
  // Numbered in the till's order, written in clientOrderId order: two devices syncing overlapping
  // batches insert the orders they share in the same order, so one waits for the other instead of deadlocking.
  const numbered = candidates.map((candidate, i) => ({ candidate, number: `#${numbers[i]}` }));
  const placed = [...numbered]
    .sort((a, b) => (a.candidate.clientOrderId < b.candidate.clientOrderId ? -1 : 1))
    .map(({ candidate, number }) => ({ candidate, ...placeOrder(em, batch, candidate, number) }));
  await appendOrdersEvents(em, placed);
  // The sales ledger counts each at the till's sale time, not the sync's.
  await recordOrdersSold(em, placed);
  const orders = new Map(placed.map((p) => [p.candidate, p.order]));
  return candidates.map((candidate) => orders.get(candidate) as Order);
}

/** One sale's order, lines, fulfilment and payments persisted in `em` (written by the caller's flush), and the events it is to append. */
function placeOrder(
  em: EntityManager,
  batch: BatchContext,
  candidate: Candidate,
  number: string,
): { order: Order; lines: OrderLine[]; entries: OrderEventEntry[] } {
  const { ctx } = batch;
  const { sale, facts, flags, hash } = candidate;
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
  const order = Object.assign(new Order(), {
    number,
    channel: SalesChannel.POS,
    customerId: candidate.customerId,
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
      categoryIds: facts.lines[position].variant.categoryIds,
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
    const events: PaymentEvent[] = isStoredValue(tender.method)
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
  const entries: OrderEventEntry[] = [
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
  ];
  return { order, lines, entries };
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
