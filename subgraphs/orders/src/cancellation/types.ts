/**
 * The cancellation saga's contract: what a caller asks, what the local transaction decides (the
 * plan, kept in the cancellation row so a sweeper resumes with the same figures), and the answer.
 */
import type { PaymentMethod } from '../payments';

/** Where money for cancelled units goes: back to the tenders it came from, or as store credit. */
export type RefundDestination = 'ORIGINAL' | 'STORE_CREDIT';

/** Who asks: staff may cancel any order; a customer only their own, and only before the shop prepared it. */
export type CancelCaller = { kind: 'staff' } | { kind: 'customer'; customerId: string } | { kind: 'system' };

/** Units of one order line to cancel. */
export interface CancelLineRequest {
  orderLineId: string;
  quantity: number;
}

export interface CancelRequest {
  orderId: string;
  /** Null: the whole order (refused once any of it left); OPEN: every unit that has not left; or these units. */
  lines: readonly CancelLineRequest[] | 'OPEN' | null;
  reason: string;
  refundTo: RefundDestination;
  /** Whose key it is: `staff:<id>`, `customer:<id>`, `system`. */
  scope: string;
  idempotencyKey: string;
  caller: CancelCaller;
}

/** Units released at one location, under the order's hold. */
export interface StockRelease {
  locationId: string;
  /** Ship to store: the pickup store, where the units are held once the transfer arrived. */
  destinationLocationId: string | null;
  lines: { sku: string; quantity: number }[];
}

/** What goes back to one payment. */
export interface PaymentRefund {
  paymentId: string;
  method: PaymentMethod;
  amountMinor: number;
  /** What earlier cancellations gave back to it: a points tender's share is counted from here. */
  beforeMinor: number;
}

/** Kept in the cancellation row's `plan`. */
export interface CancellationPlan {
  orderId: string;
  checkoutId: string | null;
  customerId: string | null;
  currencyCode: string;
  number: string;
  /** True when no unit of the order is left: the hold goes whole, discount uses go back, shipping is refunded. */
  whole: boolean;
  reason: string;
  refundTo: RefundDestination;
  lines: { orderLineId: string; sku: string; quantity: number }[];
  stock: StockRelease[];
  refunds: PaymentRefund[];
  refundTotalMinor: number;
}

/** What a cancel request is answered with: the same for a replay under its key. */
export type CancelAnswer =
  | { ok: true; orderId: string; cancellationId: string; refundTotalMinor: number }
  | { ok: false; userErrors: { field: string[] | null; message: string; code: string }[] };
