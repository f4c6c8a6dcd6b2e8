/**
 * Writes a planned order history (history-plan.ts) as the orders subgraph's own records: each
 * order priced by the cart's pricing (so taxes, shipping and totals add up as any order's do),
 * paid, handed over or shipped, its events in the outbox at the time they happened (so the
 * customers subgraph's figures and timelines, and loyalty points, follow as for live orders),
 * its sales ledger rows and pair counts; and the returns the plan has, received and restocked at
 * a store and refunded to the tender, with their negative ledger rows on the day they came back.
 * Batches of orders commit in one transaction each. Stock is not touched: this is the past, and
 * the stock levels seeded are today's.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SalesChannel } from '#platform/graphql';
import { priceCart, type CatalogRow } from '../cart-pricing';
import { SCHEMA } from '../constants';
import {
  DeliveryMethod,
  Fulfillment,
  FulfillmentKind,
  FulfillmentMethod,
  FulfillmentState,
  Order,
  OrderLine,
  OrderReturn,
  Payment,
  PaymentEventRecord,
} from '../entities';
import { appendOrderEvents } from '../order-events';
import { recordOrderReturned, recordOrderSold } from '../reports';
import { loadShopConfig } from '../services/shop-config.service';
import type { PlannedOrder } from './history-plan';

export interface HistoryOptions {
  currencyCode: string;
  pricesIncludeTax: boolean;
  shopCountryCode: string;
  /** Where shipped orders left from. */
  shipFromLocationId: string;
  /** Orders per transaction. */
  batchSize?: number;
  onProgress?: (written: number) => void;
}

const ADDRESS = {
  address1: 'Kastanienallee 12',
  address2: null,
  city: 'Berlin',
  province: null,
  postalCode: '10435',
  countryCode: 'DE',
  firstName: null,
  lastName: null,
  phone: null,
};

/** Writes `plan` (oldest first) with the catalog rows of its SKUs; returns how many orders and returns it wrote. */
export async function writeOrderHistory(
  em: EntityManager,
  plan: readonly PlannedOrder[],
  catalog: ReadonlyMap<string, CatalogRow>,
  options: HistoryOptions,
): Promise<{ orders: number; returns: number }> {
  const config = await loadShopConfig(em);
  const shipping = config.zones.find((zone) => zone.countries.includes(ADDRESS.countryCode))?.rates[0] ?? null;
  let orders = 0;
  let returns = 0;
  const size = options.batchSize ?? 50;
  for (let start = 0; start < plan.length; start += size) {
    // A fresh identity map per batch: every flush checks what the map holds, so it must not grow with the history.
    await em.fork().transactional(async (tx) => {
      const batch = plan.slice(start, start + size);
      const numbers = (
        await sql<{ n: string }>(tx, `select nextval('"${SCHEMA}"."order_number_seq"') as n from generate_series(1, ?)`, [batch.length])
      ).map((row) => row.n);
      for (const planned of batch) {
        const lines = planned.lines.filter((line) => catalog.has(line.sku));
        if (lines.length === 0) continue;
        const ship = planned.method === 'SHIP' && shipping !== null;
        const pricing = priceCart({
          channel: planned.channel,
          lines: lines.map((line, i) => ({ id: `line-${i}`, sku: line.sku, quantity: line.quantity, priceAtAddMinor: null })),
          codes: [],
          buyerCountryCode: options.shopCountryCode,
          delivery: {
            method: ship ? DeliveryMethod.SHIP : DeliveryMethod.PICKUP,
            shippingRateId: ship ? shipping.id : null,
            locationId: ship ? null : planned.storeId,
            addressCountryCode: ship ? ADDRESS.countryCode : null,
            addressProvince: null,
          },
          catalog: new Map(lines.map((line) => [line.sku, { ...catalog.get(line.sku)!, sellable: true }])),
          availability: { locations: [], levels: [] },
          evaluation: { allocations: new Map(), shippingDiscountMinor: 0, rejectedCodes: new Map() },
          taxRates: config.taxRates,
          zones: config.zones,
          pricesIncludeTax: options.pricesIncludeTax,
          shopCountryCode: options.shopCountryCode,
          shipToStoreDays: { min: 2, max: 4 },
        });
        const n = numbers.shift()!;
        const inStore = planned.channel === 'POS' || planned.channel === 'KIOSK';
        const order = Object.assign(new Order(), {
          number: `#${n}`,
          channel: planned.channel as SalesChannel,
          customerId: planned.customerId,
          email: planned.customerId ? null : `guest-${n}@example.com`,
          currencyCode: options.currencyCode,
          fulfillmentMethod: ship ? FulfillmentMethod.SHIP : FulfillmentMethod.PICKUP,
          shippingAddress: ship ? ADDRESS : null,
          pickupLocationId: ship ? null : planned.storeId,
          locationId: inStore ? planned.storeId : null,
          staffId: planned.staffId,
          subtotalMinor: pricing.cost.subtotalMinor,
          discountTotalMinor: pricing.cost.discountTotalMinor,
          shippingMinor: pricing.cost.shippingMinor,
          shippingDiscountMinor: pricing.cost.shippingDiscountMinor,
          taxTotalMinor: pricing.cost.taxTotalMinor,
          totalMinor: pricing.cost.totalMinor,
          pricesIncludeTax: options.pricesIncludeTax,
          taxLines: pricing.cost.taxLines,
          createdAt: planned.at,
          processedAt: planned.at,
        });
        tx.persist(order);
        const orderLines = pricing.lines.map((priced, position) => {
          const row = catalog.get(priced.sku)!;
          const line = Object.assign(new OrderLine(), {
            orderId: order.id,
            position,
            sku: priced.sku,
            productId: row.productId,
            variantId: row.variantId,
            productTitle: row.productTitle ?? priced.sku,
            variantTitle: row.variantTitle ?? null,
            categoryIds: row.categoryIds,
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
          tx.persist(line);
          return line;
        });
        const handedOver = orderLines.map((l) => ({ orderLineId: l.id, sku: l.sku, quantity: l.quantity }));
        const fulfilledAt = new Date(planned.at.getTime() + (inStore ? 0 : 36 * 3_600_000));
        const from = ship ? options.shipFromLocationId : planned.storeId!;
        tx.persist(
          Object.assign(new Fulfillment(), {
            orderId: order.id,
            fulfillmentOrderId: order.id,
            locationId: from,
            kind: ship ? FulfillmentKind.SHIPMENT : FulfillmentKind.PICKUP,
            state: FulfillmentState.DONE,
            lines: handedOver,
            callerScope: 'seed',
            idempotencyKey: `seed:${order.id}`,
            requestHash: 'seed',
            staffId: planned.staffId,
            createdAt: fulfilledAt,
          }),
        );
        const payment = Object.assign(new Payment(), {
          orderId: order.id,
          method: planned.tender,
          amountMinor: order.totalMinor,
          currencyCode: options.currencyCode,
          providerReference: planned.tender === 'CASH' ? null : `seed-${n}`,
        });
        tx.persist(payment);
        tx.persist(
          Object.assign(new PaymentEventRecord(), {
            paymentId: payment.id,
            kind: 'SALE',
            amountMinor: order.totalMinor,
            status: 'SUCCEEDED',
            idempotencyKey: `seed:${order.id}:sale`,
            providerReference: payment.providerReference,
            createdAt: planned.at,
          }),
        );
        await appendOrderEvents(tx, order, [
          { type: 'order.placed', at: planned.at },
          { type: 'order.paid', data: { paidMinor: order.totalMinor }, at: planned.at },
          {
            type: 'order.fulfilled',
            data: { fulfillmentId: randomUUID(), locationId: from, kind: ship ? 'SHIPMENT' : 'PICKUP', lines: handedOver, tracking: [] },
            at: fulfilledAt,
          },
        ]);
        await recordOrderSold(tx, order, orderLines);
        orders += 1;

        if (planned.returned && planned.returned.lineIndex < orderLines.length) {
          await writeReturn(tx, order, orderLines, payment, planned.returned, new Date(planned.at.getTime() + planned.returned.afterMs));
          returns += 1;
        }
      }
    });
    options.onProgress?.(Math.min(plan.length, start + size));
  }
  return { orders, returns };
}

/** One line brought back whole to a store, restocked, and refunded to the tender it was paid with. */
async function writeReturn(
  tx: EntityManager,
  order: Order,
  lines: OrderLine[],
  payment: Payment,
  returned: NonNullable<PlannedOrder['returned']>,
  at: Date,
): Promise<void> {
  const line = lines[returned.lineIndex];
  const quantity = line.quantity;
  tx.persist(
    Object.assign(new OrderReturn(), {
      orderId: order.id,
      status: 'RECEIVED',
      locationId: returned.storeId,
      channel: SalesChannel.POS,
      lines: [
        {
          id: randomUUID(),
          orderLineId: line.id,
          sku: line.sku,
          quantity,
          reason: 'Did not fit',
          restocked: quantity,
          damaged: 0,
          missing: 0,
        },
      ],
      callerScope: 'seed',
      idempotencyKey: `seed:return:${order.id}`,
      requestHash: 'seed',
      createdAt: at,
      updatedAt: at,
    }),
  );
  line.quantityReturned += quantity;
  line.quantityRefunded += quantity;
  tx.persist(
    Object.assign(new PaymentEventRecord(), {
      paymentId: payment.id,
      kind: 'REFUND',
      amountMinor: line.totalMinor,
      status: 'SUCCEEDED',
      idempotencyKey: `seed:${order.id}:refund`,
      providerReference: payment.providerReference,
      createdAt: at,
    }),
  );
  await recordOrderReturned(tx, order, [{ line, before: 0, quantity }], returned.storeId, lines, at);
  const units = [{ orderLineId: line.id, sku: line.sku, quantity }];
  await appendOrderEvents(tx, order, [
    {
      type: 'return.received',
      at,
      data: {
        returnId: randomUUID(),
        locationId: returned.storeId,
        lines: units.map((u) => ({ ...u, disposition: 'RESTOCK' as const })),
      },
    },
    {
      type: 'refund.created',
      data: {
        refundId: randomUUID(),
        lines: [{ ...units[0], amountMinor: line.totalMinor }],
        shippingMinor: 0,
        refundedMinor: line.totalMinor,
        refundTo: 'ORIGINAL',
      },
      at,
    },
  ]);
}
