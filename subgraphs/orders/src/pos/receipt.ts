/**
 * What a till prints for an order: the shop, the store and its address, the number, the lines,
 * discounts, tax per rate, tenders with cash handed over and change, and the loyalty points the
 * purchase earned. Read outside any transaction: the store's address comes from inventory and
 * the points from promotions (null until its consumer credited them).
 */
import { LoyaltyEarnedForOrder } from '#contracts/promotions';
import { fetchEntities } from '#platform/internal';
import { formatMinorUnits, Money, type CurrencyCode } from '#platform/graphql';
import type { OrdersContext } from '../context';
import type { Order } from '../entities';
import { orderLoaders } from '../services/order-read.service';
import type { ReceiptView } from '../types/receipt.types';

/** A receipt printer's line width. */
const WIDTH = 42;

type StoreAddress = {
  id: string;
  name: string;
  address: { address1: string; city: string; postalCode: string | null } | null;
};

export async function receiptOf(ctx: OrdersContext, order: Order): Promise<ReceiptView> {
  const currency = order.currencyCode as CurrencyCode;
  const money = (minor: number) => Money.fromMinor(minor, currency);
  const loaders = orderLoaders(ctx);
  const [lines, payments, store, points] = await Promise.all([
    loaders.lines.load(order.id),
    loaders.payments.load(order.id),
    order.locationId
      ? fetchEntities<StoreAddress>(
          ctx,
          ctx.inventory,
          'Location',
          'id',
          [order.locationId],
          'id name address { address1 city postalCode }',
        )
          .then(([found]) => found)
          .catch(() => null)
      : Promise.resolve(null),
    order.customerId
      ? ctx.promotions.call(ctx, LoyaltyEarnedForOrder, { orderId: order.id }).then((r) => (r.ok ? r.value : null))
      : Promise.resolve(null),
  ]);
  const tenders = await Promise.all(
    payments.map(async (payment) => {
      const events = await loaders.paymentEvents.load(payment.id);
      const handed = events.filter((e) => e.kind === 'SALE' && e.status === 'SUCCEEDED').reduce((s, e) => s + e.amountMinor, 0);
      const change = events.filter((e) => e.kind === 'CHANGE' && e.status === 'SUCCEEDED').reduce((s, e) => s + e.amountMinor, 0);
      return {
        method: payment.method,
        amountMinor: payment.amountMinor,
        tenderedMinor: payment.method === 'CASH' ? handed : null,
        changeMinor: change,
      };
    }),
  );
  const changeMinor = tenders.reduce((sum, t) => sum + t.changeMinor, 0);
  const view: Omit<ReceiptView, 'text'> = {
    shopName: ctx.shopName,
    location: order.locationId ? { id: order.locationId } : null,
    number: order.number,
    soldAt: order.processedAt,
    lines: lines.map((line) => ({
      title: line.variantTitle ? `${line.productTitle} (${line.variantTitle})` : line.productTitle,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: money(line.unitPriceMinor),
      discount: money(line.discountMinor),
      total: money(line.totalMinor),
    })),
    discounts: order.discountApplications.map((d) => ({ title: d.title, amount: money(d.amountMinor) })),
    taxes: order.taxLines.map((t) => ({ title: t.name, amount: money(t.amountMinor) })),
    total: money(order.totalMinor),
    tenders: tenders.map((t) => ({
      method: t.method,
      amount: money(t.amountMinor),
      tendered: t.tenderedMinor === null ? null : money(t.tenderedMinor),
      change: t.changeMinor > 0 ? money(t.changeMinor) : null,
    })),
    change: money(changeMinor),
    loyaltyPointsEarned: points,
  };
  const amount = (minor: number) => formatMinorUnits(minor, currency);
  const row = (left: string, right: string) => {
    const room = WIDTH - right.length - 1;
    return `${left.length > room ? left.slice(0, room) : left.padEnd(room)} ${right}`;
  };
  const text = [
    center(ctx.shopName),
    ...(store
      ? [
          center(store.name),
          ...(store.address
            ? [center(store.address.address1), center(`${store.address.postalCode ?? ''} ${store.address.city}`.trim())]
            : []),
        ]
      : []),
    center(`${order.number} · ${order.processedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`),
    '-'.repeat(WIDTH),
    ...lines.flatMap((line) => [
      row(line.productTitle, amount(line.totalMinor)),
      `  ${line.quantity} × ${amount(line.unitPriceMinor)}${line.discountMinor > 0 ? `  −${amount(line.discountMinor)}` : ''}`,
    ]),
    '-'.repeat(WIDTH),
    ...order.discountApplications.map((d) => row(d.title, `-${amount(d.amountMinor)}`)),
    row(`TOTAL ${currency}`, amount(order.totalMinor)),
    ...order.taxLines.map((t) => row(`  incl. ${t.name}`, amount(t.amountMinor))),
    ...tenders.flatMap((t) => [
      row(t.method, amount(t.tenderedMinor ?? t.amountMinor)),
      ...(t.changeMinor > 0 ? [row('CHANGE', amount(t.changeMinor))] : []),
    ]),
    ...(points !== null ? [row('Loyalty points earned', String(points))] : []),
    center('Thank you'),
  ].join('\n');
  return { ...view, text };
}

function center(text: string): string {
  const clipped = text.slice(0, WIDTH);
  return ' '.repeat(Math.floor((WIDTH - clipped.length) / 2)) + clipped;
}
