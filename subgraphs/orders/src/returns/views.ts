/** Returns and refunds as the API shows them. */
import { Money, type CurrencyCode } from '#platform/graphql';
import type { OrderReturn } from '../entities';
import { type RefundTo } from '../inputs/cancel.input';
import { type PaymentMethodValue } from '../types/order.types';
import {
  RefundStatusValue,
  type ReturnStatusValue,
  type RefundView,
  type ReturnView,
  type SuggestedRefundView,
} from '../types/returns.types';
import type { RefundRow } from './refund-row';
import type { RefundRowPlan } from './types';

export function returnView(ret: OrderReturn): ReturnView {
  return {
    id: ret.id,
    status: ret.status as ReturnStatusValue,
    location: ret.locationId ? { id: ret.locationId } : null,
    lines: ret.lines.map((l) => ({
      id: l.id,
      orderLineId: l.orderLineId,
      sku: l.sku,
      quantity: l.quantity,
      reason: l.reason,
      quantityRestocked: l.restocked,
      quantityDamaged: l.damaged,
      quantityMissing: l.missing,
    })),
    declineReason: ret.declineReason,
    createdAt: ret.createdAt,
  };
}

export function suggestedRefundView(plan: RefundRowPlan): SuggestedRefundView {
  const money = (minor: number) => Money.fromMinor(minor, plan.currencyCode as CurrencyCode);
  return {
    total: money(plan.refundTotalMinor),
    lines: plan.lines.map((l) => ({
      orderLineId: l.orderLineId,
      quantity: l.quantity,
      amount: money(l.amountMinor),
      tax: money(l.taxMinor),
    })),
    shipping: money(plan.shippingMinor),
    tax: money(plan.taxMinor),
    transactions: plan.refunds.map((r) => ({
      paymentId: r.paymentId,
      method: r.method as PaymentMethodValue,
      amount: money(r.amountMinor),
    })),
  };
}

export function refundView(row: RefundRow): RefundView {
  return {
    ...suggestedRefundView(row.plan),
    id: row.id,
    status: row.state === 'COMPLETED' ? RefundStatusValue.SUCCEEDED : RefundStatusValue.PENDING,
    refundTo: row.plan.refundTo as RefundTo,
    createdAt: new Date(row.created_at),
  };
}
