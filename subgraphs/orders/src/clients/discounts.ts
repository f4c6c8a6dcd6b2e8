import { DiscountsEvaluate, type DiscountEvaluationValue } from '#contracts/promotions';
import { formatMinorUnits, parseMinorUnits, type SalesChannel } from '#platform/graphql';
import { subgraphUnavailable } from '#platform/internal';
import type { CartLineInput, CatalogRow, Evaluation } from '../cart-pricing';
import type { OrdersContext } from '../context';

export interface EvaluationRequest {
  lines: { line: CartLineInput; row: CatalogRow }[];
  customerId: string | null;
  channel: SalesChannel;
  codes: string[];
  shippingMinor: number;
}

const NOTHING: Evaluation = { allocations: new Map(), shippingDiscountMinor: 0, rejectedCodes: new Map() };

/**
 * The promotions subgraph's evaluation of the cart's lines (automatic discounts, codes, free
 * shipping): one call, however many lines. A cart without lines or codes asks nothing.
 */
export async function evaluateDiscounts(ctx: OrdersContext, request: EvaluationRequest): Promise<Evaluation> {
  if (request.lines.length === 0 && request.codes.length === 0) return NOTHING;
  const currency = ctx.currencyCode;
  const result = await ctx.promotions.call(ctx, DiscountsEvaluate, {
    input: {
      lines: request.lines.map(({ line, row }) => ({
        id: line.id,
        sku: line.sku,
        productId: row.productId,
        categoryIds: row.categoryIds,
        quantity: line.quantity,
        unitPrice: formatMinorUnits(row.unitPriceMinor, currency),
      })),
      customerId: request.customerId,
      channel: request.channel,
      codes: request.codes,
      shipping: formatMinorUnits(request.shippingMinor, currency),
    },
  });
  if (!result.ok) throw subgraphUnavailable('Discounts cannot be evaluated');
  return toEvaluation(ctx, result.value);
}

function toEvaluation(ctx: OrdersContext, value: DiscountEvaluationValue): Evaluation {
  const minor = (amount: string) => parseMinorUnits(amount, ctx.currencyCode);
  const applied = new Map(value.applied.map((discount) => [discount.discountId, discount]));
  return {
    allocations: new Map(
      value.lines.map((line) => [
        line.id,
        line.allocations
          .filter((allocation) => minor(allocation.amount.amount) > 0)
          .map((allocation) => ({
            discountId: allocation.discountId,
            title: applied.get(allocation.discountId)?.title ?? '',
            code: applied.get(allocation.discountId)?.code ?? null,
            amountMinor: minor(allocation.amount.amount),
          })),
      ]),
    ),
    shippingDiscountMinor: minor(value.shippingDiscount.amount),
    rejectedCodes: new Map(value.rejectedCodes.map((code) => [code.code.toUpperCase(), { reason: code.reason, message: code.message }])),
  };
}
