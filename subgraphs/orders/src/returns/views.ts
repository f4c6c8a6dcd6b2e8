/** Returns and refunds as the API shows them. */
import { Money, type CurrencyCode } from '#platform/graphql';
import type { OrderReturn } from '../entities';
import { type RefundTo } from '../inputs/cancel.input';
import { type PaymentMethodValue } from '../types/order.types';
import {
  type ExchangeStatusValue,
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
    ...exchangeFields(ret),
  };
}

function exchangeFields(ret: OrderReturn) {
  const exchange = ret.exchange;
  if (!exchange) {
    return {
      exchangeLines: [],
      exchangeStatus: null,
      exchangeTotal: null,
      exchangeCredit: null,
      exchangeBalance: null,
      exchangeOrderId: null,
    };
  }
  const money = (minor: number) => Money.fromMinor(minor, exchange.cart.currencyCode as CurrencyCode);
  return {
    exchangeLines: exchange.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: money(l.unitPriceMinor),
      discount: money(l.discountMinor),
      tax: money(l.taxMinor),
      total: money(l.totalMinor),
    })),
    exchangeStatus: exchange.status as ExchangeStatusValue,
    exchangeTotal: money(exchange.totalMinor),
    exchangeCredit: money(exchange.creditMinor),
    exchangeBalance: money(exchange.totalMinor - exchange.creditMinor),
    exchangeOrderId: exchange.orderId,
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
    exchangeCredit: Money.fromMinor(row.plan.exchangeMinor ?? 0, row.plan.currencyCode as CurrencyCode),
    createdAt: new Date(row.created_at),
    returnId: row.plan.returnId ?? null,
  };
}
