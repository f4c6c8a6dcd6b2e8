/**
 * Which units a cancellation takes and what it gives back, worked out from the order as it stands
 * (under its lock): pure, no I/O. Units come off the fulfilment orders' open units; money is the
 * refund maths' (returns/refund-allocation): k of a line's n units give back k/n of what was
 * paid for it, the last units the remainder, shipping only with the last unit of the order; it
 * goes to the tenders the last money in first, never more to one than it paid less what earlier
 * cancellations gave back.
 */
import type { FulfillmentOrder, OrderLine } from '../entities';
import { openUnits } from '../entities';
import type { PaymentMethod } from '../payments';
import { planRefund, shareOfFirst, splitAcrossTenders } from '../returns/refund-allocation';
import type { CancellationPlan, CancelLineRequest, PaymentRefund, RefundDestination, StockRelease } from './types';
import { CancelErrorCode } from './errors';

export interface PlanOrder {
  id: string;
  number: string;
  checkoutId: string | null;
  customerId: string | null;
  currencyCode: string;
  totalMinor: number;
  taxTotalMinor: number;
}

export interface PlanInput {
  order: PlanOrder;
  lines: readonly OrderLine[];
  fulfillmentOrders: readonly FulfillmentOrder[];
  /** In the order checkout took them. */
  payments: readonly { id: string; method: PaymentMethod; amountMinor: number }[];
  /** What earlier cancellations planned to give back, per payment id. */
  planned: ReadonlyMap<string, number>;
  /** ALL: the whole order (refused once anything left); OPEN: every unit that has not left; or these lines. */
  units: 'ALL' | 'OPEN' | readonly CancelLineRequest[];
  reason: string;
  refundTo: RefundDestination;
}

/** Units taken off one fulfilment order line. */
export interface Removal {
  fulfillmentOrder: FulfillmentOrder;
  lineIndex: number;
  units: number;
}

export interface PlanError {
  field: string[] | null;
  message: string;
  code: string;
}

export type PlanResult =
  { ok: true; plan: CancellationPlan; removals: Removal[]; cancelled: Map<string, number> } | { ok: false; errors: PlanError[] };

/** Units of a line that left or are claimed by a fulfilment: the fulfilment orders may know before the line does. */
function fulfilledUnits(line: OrderLine, fulfillmentOrders: readonly FulfillmentOrder[]): number {
  const claimed = fulfillmentOrders.flatMap((fo) => fo.lines).filter((l) => l.orderLineId === line.id);
  return Math.max(
    line.quantityFulfilled,
    claimed.reduce((sum, l) => sum + l.fulfilled, 0),
  );
}

export function planCancellation(input: PlanInput): PlanResult {
  const { lines, fulfillmentOrders } = input;
  const left = (line: OrderLine) => line.quantity - line.quantityCancelled - fulfilledUnits(line, fulfillmentOrders);
  const errors: PlanError[] = [];
  const asked = new Map<string, number>();
  if (input.units === 'ALL' || input.units === 'OPEN') {
    if (input.units === 'ALL' && lines.some((l) => fulfilledUnits(l, fulfillmentOrders) > 0)) {
      return fail(
        ['orderId'],
        'Some of this order has left; return it instead, or cancel the lines still open',
        CancelErrorCode.ALREADY_FULFILLED,
      );
    }
    for (const line of lines) if (left(line) > 0) asked.set(line.id, left(line));
    if (asked.size === 0) return fail(['orderId'], 'Nothing is left to cancel on this order', CancelErrorCode.ALREADY_CANCELLED);
  } else {
    input.units.forEach((request, index) => {
      const field = ['lines', String(index)];
      const line = lines.find((l) => l.id === request.orderLineId);
      if (!line) return errors.push({ field: [...field, 'orderLineId'], message: 'No line of this order has this id', code: 'NOT_FOUND' });
      if (asked.has(line.id))
        return errors.push({ field: [...field, 'orderLineId'], message: 'This line is named twice', code: 'INVALID' });
      if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
        return errors.push({ field: [...field, 'quantity'], message: 'Cancel at least 1 unit', code: 'GREATER_THAN_OR_EQUAL_TO' });
      }
      const fulfilled = fulfilledUnits(line, fulfillmentOrders);
      if (request.quantity > left(line)) {
        if (fulfilled > 0) {
          errors.push({
            field: [...field, 'quantity'],
            message: `${fulfilled} of this line already left; return it instead`,
            code: CancelErrorCode.ALREADY_FULFILLED,
          });
        } else if (line.quantityCancelled >= line.quantity) {
          errors.push({
            field: [...field, 'orderLineId'],
            message: 'This line was cancelled already',
            code: CancelErrorCode.ALREADY_CANCELLED,
          });
        } else {
          errors.push({
            field: [...field, 'quantity'],
            message: `Only ${left(line)} of this line can be cancelled`,
            code: 'LESS_THAN_OR_EQUAL_TO',
          });
        }
        return;
      }
      asked.set(line.id, request.quantity);
    });
    if (errors.length) return { ok: false, errors };
  }

  const whole = lines.every((l) => l.quantityCancelled + (asked.get(l.id) ?? 0) >= l.quantity);
  const removals = takeUnits(fulfillmentOrders, asked);
  const money = planRefund({
    lines: lines.map((l) => ({
      lineId: l.id,
      quantity: l.quantity,
      subtotalMinor: l.subtotalMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
      // Returned units refunded count too: every unit of a line takes its share once, in turn.
      alreadyRefundedQuantity: l.quantityCancelled + l.quantityRefunded,
      alreadyRefundedMinor: shareOfFirst(l.totalMinor, l.quantityCancelled + l.quantityRefunded, l.quantity),
    })),
    refund: [...asked].map(([lineId, quantity]) => ({ lineId, quantity })),
    shipping: whole ? shippingOf(input.order, lines) : null,
  });
  const refunds = whole ? everythingLeft(input) : split(input, money.totalMinor);
  const sku = (id: string) => lines.find((l) => l.id === id)?.sku ?? '';
  const plan: CancellationPlan = {
    orderId: input.order.id,
    checkoutId: input.order.checkoutId,
    customerId: input.order.customerId,
    currencyCode: input.order.currencyCode,
    number: input.order.number,
    whole,
    reason: input.reason,
    refundTo: input.refundTo,
    lines: [...asked].map(([orderLineId, quantity]) => ({ orderLineId, sku: sku(orderLineId), quantity })),
    stock: stockOf(removals),
    refunds,
    refundTotalMinor: refunds.reduce((sum, r) => sum + r.amountMinor, 0),
  };
  return { ok: true, plan, removals, cancelled: asked };
}

const fail = (field: string[] | null, message: string, code: string): PlanResult => ({ ok: false, errors: [{ field, message, code }] });

/** Shipping as paid: what the order cost beyond its lines, and the tax in that. */
function shippingOf(order: PlanOrder, lines: readonly OrderLine[]) {
  const amountMinor = Math.max(0, order.totalMinor - lines.reduce((sum, l) => sum + l.totalMinor, 0));
  const taxMinor = Math.min(amountMinor, Math.max(0, order.taxTotalMinor - lines.reduce((sum, l) => sum + l.taxMinor, 0)));
  return { amountMinor, taxMinor, alreadyRefundedMinor: 0 };
}

/** The last units of the order: each payment gets back all it paid that was not given back before, so the order nets to nothing. */
function everythingLeft(input: PlanInput): PaymentRefund[] {
  return input.payments
    .map((p) => {
      const beforeMinor = input.planned.get(p.id) ?? 0;
      return { paymentId: p.id, method: p.method, amountMinor: p.amountMinor - beforeMinor, beforeMinor };
    })
    .filter((r) => r.amountMinor > 0);
}

function split(input: PlanInput, amountMinor: number): PaymentRefund[] {
  const tenders = input.payments.map((p) => ({
    paymentId: p.id,
    method: p.method,
    capturedMinor: p.amountMinor,
    refundedMinor: input.planned.get(p.id) ?? 0,
  }));
  // An order paid at pickup has taken nothing yet: what it has not taken, nothing gives back.
  const available = tenders.reduce((sum, t) => sum + Math.max(0, t.capturedMinor - t.refundedMinor), 0);
  const result = splitAcrossTenders(Math.min(amountMinor, available), tenders);
  if (!result.ok) throw new Error(`order ${input.order.id}: the tenders cannot take back ${amountMinor} (${result.shortMinor} short)`);
  return result.refunds.map((r) => ({ ...r, beforeMinor: input.planned.get(r.paymentId) ?? 0 }));
}

/** Takes the units off the fulfilment orders' open units, first fulfilment order first. */
function takeUnits(fulfillmentOrders: readonly FulfillmentOrder[], asked: ReadonlyMap<string, number>): Removal[] {
  const removals: Removal[] = [];
  for (const [lineId, quantity] of asked) {
    let wanted = quantity;
    for (const fulfillmentOrder of fulfillmentOrders) {
      fulfillmentOrder.lines.forEach((line, lineIndex) => {
        if (wanted === 0 || line.orderLineId !== lineId) return;
        const units = Math.min(wanted, openUnits(line));
        if (units <= 0) return;
        removals.push({ fulfillmentOrder, lineIndex, units });
        wanted -= units;
      });
    }
  }
  return removals;
}

function stockOf(removals: readonly Removal[]): StockRelease[] {
  const byPlace = new Map<string, StockRelease>();
  for (const { fulfillmentOrder, lineIndex, units } of removals) {
    const { locationId, destinationLocationId } = fulfillmentOrder;
    const place = `${locationId}>${destinationLocationId ?? ''}`;
    const release = byPlace.get(place) ?? { locationId, destinationLocationId, lines: [] };
    const sku = fulfillmentOrder.lines[lineIndex].sku;
    const known = release.lines.find((l) => l.sku === sku);
    if (known) known.quantity += units;
    else release.lines.push({ sku, quantity: units });
    byPlace.set(place, release);
  }
  return [...byPlace.values()];
}
