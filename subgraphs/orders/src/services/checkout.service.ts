/**
 * checkoutComplete over the cart: who the caller is, the cart's fresh pricing as the saga's
 * "priced cart", and the saga's answer as a payload. The saga itself (../checkout) knows no cart.
 */
import { callerScope, isStaff, Role } from '#platform/auth';
import { idempotencyKeyErrors, sql } from '#platform/db';
import { MoneyFormatError, parseMinorUnits, UserError } from '#platform/graphql';
import type { CartPricing } from '../cart-pricing';
import { completeCheckout, type CheckoutDeps, type PricedCart, type TenderInput } from '../checkout';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { CartStatus, DeliveryMethod, type Cart, type Order, type OrderDiscountApplication } from '../entities';
import { OrdersErrorCode } from '../errors';
import type { CheckoutCompleteInput } from '../inputs/checkout.input';
import { PaymentMethodValue } from '../types/order.types';
import { checkoutPricing } from './cart-pricing.service';
import { findCart } from './cart-access';

export interface CheckoutPayloadValue {
  order?: Order | null;
  userErrors: UserError[];
}

const refusal = (field: string[], message: string, code: string): CheckoutPayloadValue => ({
  userErrors: [new UserError(field, message, code)],
});

export async function completeCartCheckout(
  ctx: OrdersContext,
  cartId: string,
  input: CheckoutCompleteInput,
  idempotencyKey: string,
): Promise<CheckoutPayloadValue> {
  const keyErrors = idempotencyKeyErrors(idempotencyKey);
  if (keyErrors.length) return { userErrors: keyErrors };
  const cart = await findCart(ctx, cartId);
  if (!cart) return refusal(['cartId'], 'No cart has this id', OrdersErrorCode.CART_NOT_FOUND);
  if (cart.status === CartStatus.MERGED) {
    return refusal(['cartId'], 'This cart was merged into the customer’s cart; check that one out', OrdersErrorCode.CART_CLOSED);
  }
  const tenders: TenderInput[] = [];
  const errors: UserError[] = [];
  input.payments.forEach((payment, index) => {
    const field = ['input', 'payments', String(index)];
    let amountMinor = 0;
    try {
      amountMinor = parseMinorUnits(payment.amount.amount, ctx.currencyCode);
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      errors.push(new UserError([...field, 'amount'], error.message, OrdersErrorCode.INVALID));
    }
    if (payment.amount.currencyCode && payment.amount.currencyCode !== ctx.currencyCode) {
      errors.push(new UserError([...field, 'amount'], `Pay in ${ctx.currencyCode}`, OrdersErrorCode.INVALID));
    }
    if (payment.method === PaymentMethodValue.TEST_CARD) {
      if (!payment.cardNumber)
        errors.push(new UserError([...field, 'cardNumber'], 'A card payment needs the card number', OrdersErrorCode.BLANK));
      else tenders.push({ method: 'TEST_CARD', amountMinor, cardNumber: payment.cardNumber });
    } else if (payment.method === PaymentMethodValue.GIFT_CARD) {
      if (!payment.giftCardCode)
        errors.push(new UserError([...field, 'giftCardCode'], 'A gift card payment needs the code', OrdersErrorCode.BLANK));
      else tenders.push({ method: 'GIFT_CARD', amountMinor, code: payment.giftCardCode });
    } else if (payment.method === PaymentMethodValue.STORE_CREDIT) {
      tenders.push({ method: 'STORE_CREDIT', amountMinor });
    } else if (payment.method === PaymentMethodValue.LOYALTY_POINTS) {
      tenders.push({ method: 'LOYALTY_POINTS', amountMinor });
    } else if (payment.method === PaymentMethodValue.EXCHANGE_CREDIT) {
      errors.push(
        new UserError([...field, 'method'], 'Exchange credit pays only an exchange (returnExchangeSettle)', OrdersErrorCode.INVALID),
      );
    } else if (payment.method === PaymentMethodValue.CARD_EXTERNAL) {
      errors.push(
        new UserError([...field, 'method'], 'A card terminal payment is taken at the till (posOrderCreate)', OrdersErrorCode.INVALID),
      );
    } else {
      tenders.push({ method: payment.method, amountMinor });
    }
  });
  let expectedTotalMinor: number | null = null;
  if (input.expectedTotal) {
    try {
      expectedTotalMinor = parseMinorUnits(input.expectedTotal.amount, ctx.currencyCode);
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      errors.push(new UserError(['input', 'expectedTotal'], error.message, OrdersErrorCode.INVALID));
    }
  }
  if (errors.length) return { userErrors: errors };

  const viewer = ctx.viewer;
  const customerId = viewer.role === Role.CUSTOMER ? viewer.subject : null;
  // A key is the caller's: a signed-in caller's own, a guest's the cart's, since the cart is all a guest holds.
  const scope = viewer.subject && viewer.role !== Role.ANONYMOUS ? callerScope(viewer) : `guest-cart:${cart.id}`;
  const email = input.email?.trim().toLowerCase() || cart.email || null;
  const answer = await completeCheckout(ctx.checkout, {
    deadline: ctx.deadline,
    scope,
    idempotencyKey,
    input: { cartId: cart.id, email, tenders, expectedTotalMinor, payAtPickup: input.payAtPickup ?? false },
    caller: { customerId: customerId ?? cart.customerId, isStaff: isStaff(viewer) },
    requirePickup: cart.deliveryMethod === DeliveryMethod.PICKUP,
    price: async () => {
      if (cart.status !== CartStatus.OPEN) return { ...emptyCart(cart) };
      return toPricedCart(cart, await checkoutPricing(ctx, cart));
    },
  });
  if (!answer.ok) return { userErrors: answer.userErrors.map((e) => new UserError(e.field, e.message, e.code)) };
  const order = await ctx.loaders.orderById.load(answer.orderId);
  return { order, userErrors: [] };
}

function emptyCart(cart: Cart): PricedCart {
  return {
    cartId: cart.id,
    channel: cart.channel,
    currencyCode: cart.currencyCode,
    customerId: cart.customerId,
    email: cart.email,
    lines: [],
    discountApplications: [],
    codes: [],
    delivery: null,
    totals: {
      subtotalMinor: 0,
      discountTotalMinor: 0,
      shippingMinor: 0,
      shippingDiscountMinor: 0,
      taxTotalMinor: 0,
      totalMinor: 0,
      taxLines: [],
      pricesIncludeTax: true,
    },
  };
}

/** The cart's fresh pricing as the saga takes it: the lines that count, their allocations and tax, the delivery, the totals. */
export function toPricedCart(cart: Cart, pricing: CartPricing): PricedCart {
  const lines = pricing.lines.filter((line) => line.counted);
  const applications = new Map<string, OrderDiscountApplication>();
  for (const line of lines) {
    for (const allocation of line.allocations) {
      const known = applications.get(allocation.discountId);
      if (known) known.amountMinor += allocation.amountMinor;
      else applications.set(allocation.discountId, { ...allocation });
    }
  }
  return {
    cartId: cart.id,
    channel: cart.channel,
    currencyCode: cart.currencyCode,
    customerId: cart.customerId,
    email: cart.email,
    lines: lines.map((line) => ({
      sku: line.sku,
      productId: line.catalog?.productId ?? null,
      variantId: line.catalog?.variantId ?? null,
      productTitle: line.catalog?.productTitle ?? null,
      variantTitle: line.catalog?.variantTitle ?? null,
      categoryIds: line.catalog?.categoryIds ?? [],
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      subtotalMinor: line.subtotalMinor,
      discountMinor: line.discountMinor,
      taxMinor: line.taxMinor,
      totalMinor: line.totalMinor,
      allocations: line.allocations,
      taxLines: line.taxLines,
    })),
    discountApplications: [...applications.values()],
    codes: pricing.codes.filter((c) => c.applicable).map((c) => c.code),
    delivery: cart.deliveryMethod
      ? pricing.delivery
        ? {
            method: cart.deliveryMethod,
            locationId: cart.pickupLocationId,
            address: cart.shippingAddress,
            near: cart.deliveryMethod === DeliveryMethod.SHIP ? (cart.shippingAddress?.coordinates ?? null) : null,
          }
        : null
      : null,
    totals: {
      subtotalMinor: pricing.cost.subtotalMinor,
      discountTotalMinor: pricing.cost.discountTotalMinor,
      shippingMinor: pricing.cost.shippingMinor,
      shippingDiscountMinor: pricing.cost.shippingDiscountMinor,
      taxTotalMinor: pricing.cost.taxTotalMinor,
      totalMinor: pricing.cost.totalMinor,
      taxLines: pricing.cost.taxLines,
      pricesIncludeTax: pricing.cost.pricesIncludeTax,
    },
  };
}

/** In the transaction that places the order: the cart is COMPLETED, and a new version for anyone holding it priced. */
export async function closeOrderedCart(em: Parameters<NonNullable<CheckoutDeps['onPlaced']>>[0], cartId: string): Promise<void> {
  await sql(em, `update "${SCHEMA}"."cart" set status = 'COMPLETED', version = version + 1, updated_at = now() where id = ?`, [cartId]);
}
