/** What the returns and refunds services are asked and answer, below GraphQL. */
import type { RefundDestination } from '../cancellation';
import type { PaymentMethod } from '../payments';

/** Units of one order line to return, and why. */
export interface ReturnLineRequest {
  orderLineId: string;
  quantity: number;
  reason: string;
}

/** What the receiving store found for units of one return line. */
export type Disposition = 'RESTOCK' | 'DAMAGED' | 'MISSING';

export interface ReceiveLineRequest {
  returnLineId: string;
  quantity: number;
  disposition: Disposition;
}

/** Units of one order line to refund. */
export interface RefundLineRequest {
  orderLineId: string;
  quantity: number;
}

export interface RefundRequest {
  orderId: string;
  lines: readonly RefundLineRequest[];
  /** Whether what is left of the shipping is refunded too. */
  shipping: boolean;
}

/** The refund of one line as worked out. */
export interface RefundLineMoney {
  orderLineId: string;
  sku: string;
  quantity: number;
  amountMinor: number;
  taxMinor: number;
}

/** Kept in the refund row's `plan`: the figures fixed when the units were counted refunded, so a sweeper moves the same money. */
export interface RefundRowPlan {
  orderId: string;
  checkoutId: string | null;
  customerId: string | null;
  currencyCode: string;
  number: string;
  refundTo: RefundDestination;
  lines: RefundLineMoney[];
  shippingMinor: number;
  taxMinor: number;
  refunds: { paymentId: string; method: PaymentMethod; amountMinor: number; beforeMinor: number }[];
  refundTotalMinor: number;
  /** The return it is for, when known (an exchange's refund). */
  returnId?: string | null;
  /** Of the total, what an exchange kept and put toward its new items (an EXCHANGE_CREDIT payment there); the rest is in `refunds`. */
  exchangeMinor?: number;
  /** The drawer session of the till paying cash back (refundCreate's deviceId): its expected cash goes down, not the sale's. */
  posSessionId?: string | null;
}
