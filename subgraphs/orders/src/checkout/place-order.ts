/**
 * Step 7: the order, its lines, payments and their ledger events, its events and the outbox
 * rows, in ONE local transaction, no network call inside. It first moves the checkout from
 * RUNNING to PLACED under the row's lock, so a sweeper that took the checkout over (and is
 * compensating it) and this process can never both win.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import { type FulfillmentMethod, Order, OrderLine, Payment, PaymentEventRecord } from '../entities';
import { appendOrderEvents } from '../order-events';
import { createFulfillmentOrders, type HeldUnits } from '../fulfilment/fulfillment-orders';
import { financialStatus, summarizePayment, type PaymentEvent } from '../payments';
import { recordOrderSold } from '../reports';
import { LeaseLostError, moveCheckout, type CheckoutRow, type StepRecord } from './checkout-row';
import type { CheckoutDeps } from './deps';
import { stepKeys } from './keys';
import type { PosSale } from './types';

/** Places the order; `unwritten` are step results written with the checkout's move to PLACED. */
export async function placeOrder(deps: CheckoutDeps, checkout: CheckoutRow, unwritten: Record<string, StepRecord> = {}): Promise<string> {
  const orderId = randomUUID();
  await deps.em().transactional(async (em) => {
    if (!(await moveCheckout(em, checkout.id, 'RUNNING', 'PLACED', { orderId, leaseMs: deps.leaseMs, steps: unwritten }))) {
      throw new LeaseLostError(`checkout ${checkout.id} is no longer running`);
    }
    const { cart, tenders } = checkout.plan;
    const [{ n }] = await sql<{ n: string }>(em, `select nextval('"${SCHEMA}"."order_number_seq"') as n`);
    const order = make(em, Order, {
      id: orderId,
      number: `#${n}`,
      channel: cart.channel as SalesChannel,
      cartId: cart.cartId,
      checkoutId: checkout.id,
      customerId: cart.customerId,
      email: checkout.plan.email,
      currencyCode: cart.currencyCode,
      fulfillmentMethod: (cart.delivery?.method ?? 'SHIP') as FulfillmentMethod,
      shippingAddress: cart.delivery?.method === 'SHIP' ? cart.delivery.address : null,
      pickupLocationId: cart.delivery?.method === 'SHIP' ? null : (cart.delivery?.locationId ?? null),
      subtotalMinor: cart.totals.subtotalMinor,
      discountTotalMinor: cart.totals.discountTotalMinor,
      shippingMinor: cart.totals.shippingMinor,
      shippingDiscountMinor: cart.totals.shippingDiscountMinor,
      taxTotalMinor: cart.totals.taxTotalMinor,
      totalMinor: cart.totals.totalMinor,
      ...posFields(checkout.plan.pos ?? null),
      pricesIncludeTax: cart.totals.pricesIncludeTax,
      taxLines: cart.totals.taxLines,
      discountApplications: cart.discountApplications,
    });
    const lines = cart.lines.map((line, position) =>
      make(em, OrderLine, {
        orderId,
        position,
        sku: line.sku,
        productId: line.productId,
        variantId: line.variantId,
        productTitle: line.productTitle ?? line.sku,
        variantTitle: line.variantTitle,
        categoryIds: line.categoryIds ?? [],
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        subtotalMinor: line.subtotalMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
        discountAllocations: line.allocations,
        taxLines: line.taxLines,
      }),
    );
    if (checkout.plan.pos) {
      order.flags = checkout.plan.pos.flags.map((f) => ({
        code: f.code,
        message: f.message,
        orderLineId: f.orderLineIndex === null ? null : (lines[f.orderLineIndex]?.id ?? null),
      }));
    }
    // Persisted here, written by the flush that writes the order, its lines and events: one insert per table.
    const fulfilmentEvents = createFulfillmentOrders(em, order, lines, (checkout.steps.stock?.lines ?? []) as HeldUnits[]);
    const ledgers: PaymentEvent[][] = [];
    tenders.forEach((tender, index) => {
      const record = checkout.steps[`tender:${index}`] ?? {};
      const payment = make(em, Payment, {
        orderId,
        method: tender.method,
        amountMinor: tender.amountMinor,
        currencyCode: cart.currencyCode,
        sourceHint: (record.hint as string | undefined) ?? null,
        providerReference:
          tender.method === 'CARD_EXTERNAL'
            ? tender.reference
            : tender.method === 'EXCHANGE_CREDIT'
              ? `return:${tender.returnId}`
              : ((record.providerReference as string | undefined) ?? null),
      });
      // The card is authorized and captured once the order exists; stored value, cash and manual moved in full already.
      const kind = tender.method === 'TEST_CARD' ? 'AUTHORIZE' : 'SALE';
      // Cash: the SALE is what was handed over, the CHANGE what went back from it.
      const tendered = tender.method === 'CASH' && tender.tenderedMinor ? tender.tenderedMinor : tender.amountMinor;
      const events: PaymentEvent[] = [{ kind, amountMinor: tendered, status: 'SUCCEEDED' }];
      if (tendered > tender.amountMinor) events.push({ kind: 'CHANGE', amountMinor: tendered - tender.amountMinor, status: 'SUCCEEDED' });
      events.forEach((event, n) =>
        make(em, PaymentEventRecord, {
          paymentId: payment.id,
          kind: event.kind,
          amountMinor: event.amountMinor,
          status: 'SUCCEEDED',
          idempotencyKey: n === 0 ? stepKeys(checkout.id).tender(index) : `${stepKeys(checkout.id).tender(index)}:change`,
          providerReference: payment.providerReference,
        }),
      );
      ledgers.push(events);
    });
    const paid = financialStatus(ledgers.map(summarizePayment), order.totalMinor) === 'PAID';
    await appendOrderEvents(
      em,
      order,
      paid ? [{ type: 'order.placed' }, { type: 'order.paid', data: { paidMinor: order.totalMinor } }] : [{ type: 'order.placed' }],
      fulfilmentEvents,
    );
    await recordOrderSold(em, order, lines);
    await deps.onPlaced?.(em, cart.cartId, orderId);
    await em.flush();
  });
  return orderId;
}

/** A till sale's store, staff member, device, drawer and the till's own id; nothing for an online order. */
function posFields(pos: PosSale | null): Partial<Order> {
  if (!pos) return {};
  return {
    locationId: pos.locationId,
    staffId: pos.staffId,
    deviceId: pos.deviceId,
    clientOrderId: pos.clientOrderId,
    clientRequestHash: pos.requestHash,
    posSessionId: pos.sessionId,
  };
}

/** A new entity with `data`, persisted in `em` (defaults from its class apply). */
function make<T extends object>(em: EntityManager, entity: new () => T, data: Partial<T>): T {
  const made = Object.assign(new entity(), data);
  em.persist(made);
  return made;
}
