import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { Money, type ConnectionShape, type CurrencyCode } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Fulfillment, FulfillmentMethod, FulfillmentOrder, Order, type OrderTaxLine as StoredTaxLine } from '../entities';
import { fulfillmentOrderViews, fulfillmentView } from '../fulfilment/views';
import { FulfillmentOrderView, FulfillmentView } from '../types/fulfillment.types';
import { OrderFlagView, StaffReference } from '../types/pos.types';
import { ReceiptView } from '../types/receipt.types';
import { receiptOf } from '../pos/receipt';
import { fulfillmentStatus } from '../rules/fulfillment-status';
import { asLedger, listOrders, orderFinancialStatus, orderLoaders } from '../services/order-read.service';
import {
  DiscountApplication,
  FinancialStatusValue,
  FulfillmentStatusValue,
  OrderAddressView,
  OrderConnection,
  OrderEventView,
  OrderLineView,
  OrdersArgs,
  OrderTaxLine,
  OrderTotals,
  PaymentMethodValue,
  PaymentStatusValue,
  PaymentView,
} from '../types/order.types';
import { summarizePayment } from '../payments';
import { CustomerCarts, LocationReference } from '../types/references.types';

const moneyOf = (order: Order) => (minor: number) => Money.fromMinor(minor, order.currencyCode as CurrencyCode);
const taxLinesOf = (lines: StoredTaxLine[], money: (minor: number) => Money): OrderTaxLine[] =>
  lines.map((l) => ({ title: l.name, rateBasisPoints: l.rateBasisPoints, amount: money(l.amountMinor) }));

/** An order's parts: snapshots of what was sold, the payments' ledgers, and statuses derived from facts. */
@Resolver(() => Order)
export class OrderFieldsResolver {
  @Query(() => OrderConnection, {
    description: 'Orders, newest first, for staff: by channel, status, financial status, store, customer, dates, or a number or email.',
  })
  @Authorized(STAFF_ROLES)
  orders(@Ctx() ctx: OrdersContext, @Args(() => OrdersArgs) args: OrdersArgs): Promise<ConnectionShape<Order>> {
    return listOrders(ctx, args);
  }

  @FieldResolver(() => CustomerCarts, { nullable: true, description: 'The customer who ordered; null for a guest order.' })
  customer(@Root() order: Order): CustomerCarts | null {
    return order.customerId ? { id: order.customerId } : null;
  }

  @FieldResolver(() => LocationReference, {
    nullable: true,
    description: 'The store the order is collected at (PICKUP, SHIP_TO_STORE); null when it is shipped.',
  })
  pickupLocation(@Root() order: Order): LocationReference | null {
    return order.pickupLocationId ? { id: order.pickupLocationId } : null;
  }

  @FieldResolver(() => [OrderLineView], { description: 'What was sold, as it was at the time.' })
  async lines(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<OrderLineView[]> {
    const money = moneyOf(order);
    return (await orderLoaders(ctx).lines.load(order.id)).map((line) => ({
      id: line.id,
      sku: line.sku,
      title: line.productTitle,
      variantTitle: line.variantTitle,
      quantity: line.quantity,
      quantityFulfilled: line.quantityFulfilled,
      quantityCancelled: line.quantityCancelled,
      quantityReturnRequested: line.quantityReturnRequested,
      quantityReturned: line.quantityReturned,
      quantityRefunded: line.quantityRefunded,
      unitPrice: money(line.unitPriceMinor),
      subtotal: money(line.subtotalMinor),
      discount: money(line.discountMinor),
      tax: money(line.taxMinor),
      total: money(line.totalMinor),
      discountAllocations: line.discountAllocations.map((a) => ({
        discountId: a.discountId,
        title: a.title,
        code: a.code,
        amount: money(a.amountMinor),
      })),
      taxLines: taxLinesOf(line.taxLines, money),
    }));
  }

  @FieldResolver(() => OrderTotals, { description: "The order's amounts." })
  totals(@Root() order: Order): OrderTotals {
    const money = moneyOf(order);
    return {
      subtotal: money(order.subtotalMinor),
      discountTotal: money(order.discountTotalMinor),
      shipping: money(order.shippingMinor),
      shippingDiscount: money(order.shippingDiscountMinor),
      taxTotal: money(order.taxTotalMinor),
      total: money(order.totalMinor),
      pricesIncludeTax: order.pricesIncludeTax,
    };
  }

  @FieldResolver(() => [OrderTaxLine], { description: 'Tax by rate, over the whole order.' })
  taxLines(@Root() order: Order): OrderTaxLine[] {
    return taxLinesOf(order.taxLines, moneyOf(order));
  }

  @FieldResolver(() => [DiscountApplication], { description: 'The discounts applied, each with its total.' })
  discountApplications(@Root() order: Order): DiscountApplication[] {
    const money = moneyOf(order);
    return order.discountApplications.map((d) => ({
      discountId: d.discountId,
      title: d.title,
      code: d.code,
      amount: money(d.amountMinor),
    }));
  }

  @FieldResolver(() => [PaymentView], { description: 'One per tender, each with its ledger.' })
  async payments(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<PaymentView[]> {
    const money = moneyOf(order);
    const loaders = orderLoaders(ctx);
    return Promise.all(
      (await loaders.payments.load(order.id)).map(async (payment) => {
        const events = await loaders.paymentEvents.load(payment.id);
        const summary = summarizePayment(asLedger(events));
        return {
          id: payment.id,
          method: payment.method as PaymentMethodValue,
          sourceHint: payment.sourceHint,
          amount: money(payment.amountMinor),
          authorized: money(summary.authorizedMinor),
          captured: money(summary.capturedMinor),
          refunded: money(summary.refundedMinor),
          status: summary.status as PaymentStatusValue,
          events: events.map((e) => ({ kind: e.kind, amount: money(e.amountMinor), status: e.status, createdAt: e.createdAt })),
        };
      }),
    );
  }

  @FieldResolver(() => FinancialStatusValue, { description: 'Derived from the payments’ events, never stored.' })
  async financialStatus(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<FinancialStatusValue> {
    return (await orderFinancialStatus(ctx, order)) as FinancialStatusValue;
  }

  @FieldResolver(() => FulfillmentStatusValue, { description: 'Derived from the lines’ counters, never stored.' })
  async fulfillmentStatus(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<FulfillmentStatusValue> {
    const atStore = order.fulfillmentMethod !== FulfillmentMethod.SHIP;
    return fulfillmentStatus(await orderLoaders(ctx).lines.load(order.id), {
      collected: atStore,
      ready: atStore && order.readyForPickupAt !== null,
    }) as FulfillmentStatusValue;
  }

  @FieldResolver(() => [FulfillmentOrderView], { description: 'The plan: which lines leave from which location, by which method.' })
  async fulfillmentOrders(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<FulfillmentOrderView[]> {
    const rows = await ctx.em.find(FulfillmentOrder, { orderId: order.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return fulfillmentOrderViews(ctx.em, rows);
  }

  @FieldResolver(() => [FulfillmentView], { description: 'What actually left: parcels shipped and pickups, oldest first.' })
  async fulfillments(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<FulfillmentView[]> {
    const rows = await ctx.em.find(Fulfillment, { orderId: order.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rows.map(fulfillmentView);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Ready at the store since then (PICKUP, SHIP_TO_STORE).' })
  readyForPickupAt(@Root() order: Order): Date | null {
    return order.readyForPickupAt;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Not collected by then, the pickup is cancelled and refunded; null until the order is ready for pickup.',
  })
  pickupDeadline(@Root() order: Order): Date | null {
    return order.pickupDeadline;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the customer shows at the store to collect the order; set when it is ready for pickup.',
  })
  pickupCode(@Root() order: Order): string | null {
    return order.pickupCode;
  }

  @FieldResolver(() => LocationReference, { nullable: true, description: 'The store that sold it at a till; null for an online order.' })
  location(@Root() order: Order): LocationReference | null {
    return order.locationId ? { id: order.locationId } : null;
  }

  @FieldResolver(() => StaffReference, { nullable: true, description: 'Who sold it at the till; null for an online order.' })
  staff(@Root() order: Order): StaffReference | null {
    return order.staffId ? { id: order.staffId } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The till's own id for the sale; null for an online order." })
  clientOrderId(@Root() order: Order): string | null {
    return order.clientOrderId;
  }

  @FieldResolver(() => [OrderFlagView], { description: 'What an offline till did differently, and managers’ changes at the till.' })
  flags(@Root() order: Order): OrderFlagView[] {
    return order.flags.map((f) => ({ code: f.code, message: f.message, orderLineId: f.orderLineId ?? null }));
  }

  @FieldResolver(() => ReceiptView, { description: 'What a till prints for the order: structured, and as plain text.' })
  receipt(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<ReceiptView> {
    return receiptOf(ctx, order);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the order was cancelled; null while it is not.' })
  cancelledAt(@Root() order: Order): Date | null {
    return order.cancelledAt;
  }

  @FieldResolver(() => OrderAddressView, { nullable: true, description: 'Where it ships; null for a store pickup.' })
  shippingAddress(@Root() order: Order): OrderAddressView | null {
    return order.shippingAddress;
  }

  @FieldResolver(() => [OrderEventView], { description: 'What happened to the order, numbered from 1.' })
  async events(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<OrderEventView[]> {
    return (await orderLoaders(ctx).orderEvents.load(order.id)).map((e) => ({
      sequence: e.sequence,
      type: e.type,
      occurredAt: e.occurredAt,
    }));
  }
}
