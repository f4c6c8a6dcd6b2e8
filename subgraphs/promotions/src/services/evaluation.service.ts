import { selectPlain, sql } from '#platform/db';
import { Money, MoneyFormatError, parseMinorUnits, validateInput, type CurrencyCode } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { Discount, DiscountKind, DiscountScope } from '../entities';
import {
  evaluate,
  EvaluationInputError,
  type DiscountRule,
  type DiscountValue,
  type EvaluationInput,
  type EvaluationResult,
} from '../evaluation';
import type { DiscountEvaluationInput } from '../inputs/evaluation.input';
import type { DiscountEvaluation } from '../types/evaluation.types';
import { segmentsForBasket } from './customer-segments.service';
import { HOLDING_STATUSES } from './redemption.service';

/**
 * Prices a basket: loads the automatic discounts that could apply and those whose codes were
 * entered (in any state, so a rejection can say why), with this customer's past uses and, when a
 * discount is for segments, the segments the customers subgraph puts them in; then runs the pure
 * engine. Reads only.
 */
export async function evaluateBasket(ctx: PromotionsContext, input: DiscountEvaluationInput): Promise<DiscountEvaluation> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) throw badUserInput(errors.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '), 'input');
  const currency = ctx.currencyCode;
  const minor = (amount: string, field: string) => {
    try {
      const value = parseMinorUnits(amount, currency);
      if (value < 0) throw new MoneyFormatError('must not be negative');
      return value;
    } catch (error) {
      if (error instanceof MoneyFormatError) throw badUserInput(`${field}: ${error.message}`, 'input');
      throw error;
    }
  };
  const now = new Date();
  const codeKeys = [...new Set(input.codes.map((c) => c.trim().toUpperCase()).filter(Boolean))];
  // Plain rows, not entities: hydrating 200 discounts cost five times the query itself.
  const discounts = await selectPlain(
    ctx.em,
    Discount,
    `select * from ${SCHEMA}.discount where code_key = any(?)
       or (code_key is null and deactivated_at is null and (starts_at is null or starts_at <= ?) and (ends_at is null or ends_at > ?))`,
    [codeKeys, now, now],
  );
  const uses =
    input.customerId && discounts.length
      ? await sql<{ discount_id: string; n: string }>(
          ctx.em,
          `select discount_id, count(*) as n from ${SCHEMA}.discount_redemption where customer_id = ? and status = any(?) and discount_id = any(?::uuid[]) group by discount_id`,
          [input.customerId, HOLDING_STATUSES, discounts.map((d) => d.id)],
        )
      : [];
  const usedBy = new Map(uses.map((u) => [u.discount_id, Number(u.n)]));
  const basket: EvaluationInput = {
    lines: input.lines.map((l, i) => ({
      id: l.id,
      sku: l.sku,
      productId: l.productId,
      categoryIds: l.categoryIds,
      quantity: l.quantity,
      unitPriceMinor: minor(l.unitPrice, `lines.${i}.unitPrice`),
    })),
    customer: { id: input.customerId ?? null, segmentIds: await segmentsForBasket(ctx, input.customerId, discounts) },
    channel: input.channel,
    codes: input.codes,
    shippingMinor: minor(input.shipping, 'shipping'),
    now,
  };
  // Only discounts in the shop currency: a fixed amount in another would be misread.
  const rules = discounts.filter((d) => d.currencyCode === currency).map((d) => toRule(d, usedBy.get(d.id) ?? 0));
  try {
    return present(evaluate(rules, basket), currency);
  } catch (error) {
    if (error instanceof EvaluationInputError) throw badUserInput(error.message, 'input');
    throw error;
  }
}

export function toRule(d: Discount, customerUsageCount: number): DiscountRule {
  return {
    id: d.id,
    title: d.title,
    code: d.codeKey,
    value: ruleValue(d),
    target: { type: d.targetType, productIds: d.productIds, categoryIds: d.categoryIds },
    minimumSubtotalMinor: d.minimumSubtotal,
    minimumQuantity: d.minimumQuantity,
    channels: d.channels,
    segmentIds: d.segmentIds,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    active: d.deactivatedAt === null,
    usageLimit: d.usageLimit,
    usageCount: d.usageCount,
    usageLimitPerCustomer: d.usageLimitPerCustomer,
    customerUsageCount,
    combinesWith: {
      productDiscounts: d.combinesWithProduct,
      orderDiscounts: d.combinesWithOrder,
      shippingDiscounts: d.combinesWithShipping,
    },
  };
}

function ruleValue(d: Discount): DiscountValue {
  switch (d.kind) {
    case DiscountKind.PERCENTAGE:
      return { type: 'PERCENTAGE', basisPoints: d.basisPoints ?? 0, scope: d.scope === DiscountScope.ORDER ? 'ORDER' : 'ITEMS' };
    case DiscountKind.FIXED_AMOUNT:
      return { type: 'FIXED_AMOUNT', amountMinor: d.amount ?? 0, scope: d.scope === DiscountScope.EACH_ITEM ? 'EACH_ITEM' : 'ORDER' };
    case DiscountKind.BUY_X_GET_Y:
      return {
        type: 'BUY_X_GET_Y',
        buyQuantity: d.buyQuantity ?? 1,
        getQuantity: d.getQuantity ?? 1,
        getBasisPoints: d.basisPoints ?? 10_000,
      };
    case DiscountKind.FREE_SHIPPING:
      return { type: 'FREE_SHIPPING', maxAmountMinor: d.amount };
  }
}

function present(r: EvaluationResult, currency: CurrencyCode): DiscountEvaluation {
  const money = (minor: number) => Money.fromMinor(minor, currency);
  return {
    lines: r.lines.map((l) => ({
      id: l.id,
      subtotal: money(l.subtotalMinor),
      discount: money(l.discountMinor),
      total: money(l.totalMinor),
      allocations: l.allocations.map((a) => ({ discountId: a.discountId, amount: money(a.amountMinor) })),
    })),
    applied: r.applied.map((a) => ({
      discountId: a.discountId,
      title: a.title,
      code: a.code,
      class: a.class,
      amount: money(a.amountMinor),
    })),
    rejectedCodes: r.rejectedCodes,
    subtotal: money(r.subtotalMinor),
    productDiscount: money(r.productDiscountMinor),
    orderDiscount: money(r.orderDiscountMinor),
    shippingDiscount: money(r.shippingDiscountMinor),
    totalDiscount: money(r.totalDiscountMinor),
    shipping: money(r.shippingMinor),
    total: money(r.totalMinor),
  };
}
