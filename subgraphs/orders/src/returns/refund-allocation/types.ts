/**
 * The refund maths' contract: plain data in, plain data out, integer minor units. A refund is
 * always by line (plus shipping), never a free amount: k of a line's n units give back k/n of
 * what was paid for the line, the last units taking the remainder, so however a line is refunded
 * (all at once or a unit at a time) its refunds sum exactly to what was paid for it.
 */
import type { PaymentMethod } from '../../payments';

/** An order line as stored when the order was placed, with what has been refunded of it since. */
export interface RefundableLine {
  lineId: string;
  /** Units ordered, at least 1. */
  quantity: number;
  subtotalMinor: number;
  /** The sum of the line's discount allocations. */
  discountMinor: number;
  /** The line's tax, inside `totalMinor` whether prices included tax or not. */
  taxMinor: number;
  /** What was paid for the line: subtotal − discount, plus tax when prices excluded it. */
  totalMinor: number;
  alreadyRefundedQuantity: number;
  /** Must be what this engine gives for `alreadyRefundedQuantity` units; anything else is drift. */
  alreadyRefundedMinor: number;
}

/** Units of one line to refund now. */
export interface RefundLineRequest {
  lineId: string;
  quantity: number;
}

/** The order's shipping as paid (after its discount, tax included), and what has been refunded of it. */
export interface RefundableShipping {
  amountMinor: number;
  taxMinor: number;
  alreadyRefundedMinor: number;
}

/** A refund to work out: the order's lines, the units to refund, and the shipping when it is refunded too. */
export interface RefundInput {
  lines: RefundableLine[];
  refund: RefundLineRequest[];
  /** Null: shipping is not refunded this time; otherwise all that remains of it is. */
  shipping: RefundableShipping | null;
}

/** Money for some units of one line; `taxMinor` is the tax inside `amountMinor`. */
export interface LineRefund {
  lineId: string;
  quantity: number;
  amountMinor: number;
  taxMinor: number;
}

/** Money for shipping; `taxMinor` is the tax inside `amountMinor`. */
export interface ShippingRefund {
  amountMinor: number;
  taxMinor: number;
}

/** The refund, per line in request order and for shipping; `totalMinor` is what goes back to the customer. */
export interface RefundPlan {
  lines: LineRefund[];
  shipping: ShippingRefund;
  totalMinor: number;
  taxTotalMinor: number;
}

/** One payment of the order that money can go back to. */
export interface Tender {
  paymentId: string;
  method: PaymentMethod;
  capturedMinor: number;
  refundedMinor: number;
}

/** The part of a refund that goes back to one payment. */
export interface TenderRefund {
  paymentId: string;
  method: PaymentMethod;
  amountMinor: number;
}

/** Where a refund goes, or how much of it the tenders cannot take back. */
export type TenderSplit = { ok: true; refunds: TenderRefund[] } | { ok: false; code: 'REFUND_EXCEEDS_TENDERS'; shortMinor: number };
