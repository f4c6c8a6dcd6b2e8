/**
 * What a refund of returned units gives back, worked out from the order as it stands (under its
 * lock for refundCreate): pure, no I/O. Money is the refund maths' (refund-allocation): k of a
 * line's n units give back k/n of what was paid for the line, the last units the remainder, in
 * turn with the line's cancelled units; shipping is what remains of it. ORIGINAL splits it over
 * the tenders (the last money in first), never more to one than it paid less what cancellations
 * and refunds already planned to give back to it.
 */
import type { RefundDestination } from '../cancellation';
import type { OrderLine } from '../entities';
import type { PaymentMethod } from '../payments';
import { planRefund, shareOfFirst, splitAcrossTenders } from './refund-allocation';
import { ReturnErrorCode } from './errors';
import type { RefundRequest, RefundRowPlan } from './types';

export interface RefundPlanOrder {
  id: string;
  number: string;
  checkoutId: string | null;
  customerId: string | null;
  currencyCode: string;
  totalMinor: number;
  taxTotalMinor: number;
}

export interface RefundPlanInput {
  order: RefundPlanOrder;
  lines: readonly OrderLine[];
  /** In the order checkout took them. */
  payments: readonly { id: string; method: PaymentMethod; amountMinor: number }[];
  /** What earlier cancellations and refunds planned to give back, per payment id. */
  planned: ReadonlyMap<string, number>;
  /** Shipping refunded by earlier refunds. */
  shippingRefundedMinor: number;
  request: RefundRequest;
  refundTo: RefundDestination;
  /** An exchange's refund: what of the total stays with the shop for the new items; only the rest goes back to the tenders. */
  exchangeMinor?: number;
  returnId?: string | null;
}

export interface RefundPlanError {
  field: string[] | null;
  message: string;
  code: string;
}

export type RefundPlanResult = { ok: true; plan: RefundRowPlan } | { ok: false; errors: RefundPlanError[] };

/** Units of a line that came back and are not refunded yet. */
export const refundableUnits = (line: OrderLine) => line.quantityReturned - line.quantityRefunded;

export function planReturnRefund(input: RefundPlanInput): RefundPlanResult {
  const { lines, request } = input;
  const errors: RefundPlanError[] = [];
  const asked = new Map<string, number>();
  if (request.lines.length === 0 && !request.shipping) {
    return { ok: false, errors: [{ field: ['lines'], message: 'Name the units to refund, or the shipping', code: 'INVALID' }] };
  }
  request.lines.forEach((wanted, index) => {
    const field = ['lines', String(index)];
    const line = lines.find((l) => l.id === wanted.orderLineId);
    if (!line) return errors.push({ field: [...field, 'orderLineId'], message: 'No line of this order has this id', code: 'NOT_FOUND' });
    if (asked.has(line.id)) return errors.push({ field: [...field, 'orderLineId'], message: 'This line is named twice', code: 'INVALID' });
    if (!Number.isSafeInteger(wanted.quantity) || wanted.quantity < 1) {
      return errors.push({ field: [...field, 'quantity'], message: 'Refund at least 1 unit', code: 'GREATER_THAN_OR_EQUAL_TO' });
    }
    if (wanted.quantity > refundableUnits(line)) {
      return errors.push({
        field: [...field, 'quantity'],
        message: `Only ${refundableUnits(line)} unit(s) of this line came back and are not refunded yet`,
        code: ReturnErrorCode.NOT_REFUNDABLE,
      });
    }
    asked.set(line.id, wanted.quantity);
  });
  const shipping = shippingOf(input);
  if (request.shipping && shipping.amountMinor - shipping.alreadyRefundedMinor <= 0) {
    errors.push({ field: ['shipping'], message: 'No shipping is left to refund on this order', code: ReturnErrorCode.NOT_REFUNDABLE });
  }
  if (errors.length) return { ok: false, errors };

  const money = planRefund({
    lines: lines.map((l) => ({
      lineId: l.id,
      quantity: l.quantity,
      subtotalMinor: l.subtotalMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
      alreadyRefundedQuantity: l.quantityCancelled + l.quantityRefunded,
      alreadyRefundedMinor: shareOfFirst(l.totalMinor, l.quantityCancelled + l.quantityRefunded, l.quantity),
    })),
    refund: [...asked].map(([lineId, quantity]) => ({ lineId, quantity })),
    shipping: request.shipping ? shipping : null,
  });
  const tenders = input.payments.map((p) => ({
    paymentId: p.id,
    method: p.method,
    capturedMinor: p.amountMinor,
    refundedMinor: Math.min(p.amountMinor, input.planned.get(p.id) ?? 0),
  }));
  const exchangeMinor = Math.min(input.exchangeMinor ?? 0, money.totalMinor);
  const split = splitAcrossTenders(money.totalMinor - exchangeMinor, tenders);
  if (!split.ok) {
    return {
      ok: false,
      errors: [
        {
          field: ['lines'],
          message: `The order's payments cannot take back ${split.shortMinor} more`,
          code: ReturnErrorCode.NOT_REFUNDABLE,
        },
      ],
    };
  }
  const sku = (id: string) => lines.find((l) => l.id === id)?.sku ?? '';
  return {
    ok: true,
    plan: {
      orderId: input.order.id,
      checkoutId: input.order.checkoutId,
      customerId: input.order.customerId,
      currencyCode: input.order.currencyCode,
      number: input.order.number,
      refundTo: input.refundTo,
      lines: money.lines.map((l) => ({
        orderLineId: l.lineId,
        sku: sku(l.lineId),
        quantity: l.quantity,
        amountMinor: l.amountMinor,
        taxMinor: l.taxMinor,
      })),
      shippingMinor: money.shipping.amountMinor,
      taxMinor: money.taxTotalMinor,
      refunds: split.refunds.map((r) => ({ ...r, beforeMinor: input.planned.get(r.paymentId) ?? 0 })),
      refundTotalMinor: money.totalMinor,
      returnId: input.returnId ?? null,
      exchangeMinor,
    },
  };
}

/** Shipping as paid: what the order cost beyond its lines, and the tax in that (as cancelling reads it). */
function shippingOf(input: RefundPlanInput) {
  const { order, lines } = input;
  const amountMinor = Math.max(0, order.totalMinor - lines.reduce((sum, l) => sum + l.totalMinor, 0));
  const taxMinor = Math.min(amountMinor, Math.max(0, order.taxTotalMinor - lines.reduce((sum, l) => sum + l.taxMinor, 0)));
  return { amountMinor, taxMinor, alreadyRefundedMinor: Math.min(amountMinor, input.shippingRefundedMinor) };
}
