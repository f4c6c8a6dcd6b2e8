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
import { LeaseLostError, moveCheckout, type CheckoutRow } from './checkout-row';
import type { CheckoutDeps } from './deps';
import { stepKeys } from './keys';

export async function placeOrder(deps: CheckoutDeps, checkout: CheckoutRow): Promise<string> {
  const orderId = randomUUID();
  await deps.em().transactional(async (em) => {
    if (!(await moveCheckout(em, checkout.id, 'RUNNING', 'PLACED', { orderId, leaseMs: deps.leaseMs }))) {
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
    await createFulfillmentOrders(em, order, lines, (checkout.steps.stock?.lines ?? []) as HeldUnits[]);
    const ledgers: PaymentEvent[][] = [];
    tenders.forEach((tender, index) => {
      const record = checkout.steps[`tender:${index}`] ?? {};
      const payment = make(em, Payment, {
        orderId,
        method: tender.method,
        amountMinor: tender.amountMinor,
        currencyCode: cart.currencyCode,
        sourceHint: (record.hint as string | undefined) ?? null,
        providerReference: (record.providerReference as string | undefined) ?? null,
      });
      // The card is authorized and captured once the order exists; stored value, cash and manual moved in full already.
      const kind = tender.method === 'TEST_CARD' ? 'AUTHORIZE' : 'SALE';
      make(em, PaymentEventRecord, {
        paymentId: payment.id,
        kind,
        amountMinor: tender.amountMinor,
        status: 'SUCCEEDED',
        idempotencyKey: stepKeys(checkout.id).tender(index),
        providerReference: payment.providerReference,
      });
      ledgers.push([{ kind, amountMinor: tender.amountMinor, status: 'SUCCEEDED' }]);
    });
    const paid = financialStatus(ledgers.map(summarizePayment), order.totalMinor) === 'PAID';
    await appendOrderEvents(
      em,
      order,
      paid ? [{ type: 'order.placed' }, { type: 'order.paid', data: { paidMinor: order.totalMinor } }] : [{ type: 'order.placed' }],
    );
    await deps.onPlaced?.(em, cart.cartId, orderId);
    await em.flush();
  });
  return orderId;
}

/** A new entity with `data`, persisted in `em` (defaults from its class apply). */
function make<T extends object>(em: EntityManager, entity: new () => T, data: Partial<T>): T {
  const made = Object.assign(new entity(), data);
  em.persist(made);
  return made;
}
