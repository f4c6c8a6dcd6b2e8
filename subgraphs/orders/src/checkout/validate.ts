/**
 * The checks a checkout makes before holding anything: pure, over the freshly priced cart and
 * the input. Each failure is a user error; the cart is left as it was.
 */
import { UserError } from '#platform/graphql';
import { CheckoutErrorCode } from './errors';
import type { CheckoutInput, PricedCart, TenderInput } from './types';

/** Stored value first (gift cards, store credit, points), cash and manual next, the card last: the card is dearest to undo. */
const TENDER_ORDER: Record<TenderInput['method'], number> = {
  GIFT_CARD: 0,
  STORE_CREDIT: 1,
  LOYALTY_POINTS: 1,
  CASH: 2,
  MANUAL: 2,
  CARD_EXTERNAL: 2,
  EXCHANGE_CREDIT: 0,
  TEST_CARD: 3,
};

export function orderTenders(tenders: readonly TenderInput[]): TenderInput[] {
  return [...tenders].sort((a, b) => TENDER_ORDER[a.method] - TENDER_ORDER[b.method]);
}

export interface CheckoutCaller {
  /** The signed-in customer, if any. */
  customerId: string | null;
  /** Staff may take CASH and MANUAL. */
  isStaff: boolean;
}

/** What is wrong with checking out `cart` as `input`, in the order a shopper can fix it. */
export function checkoutProblems(cart: PricedCart, input: CheckoutInput, caller: CheckoutCaller): UserError[] {
  const errors: UserError[] = [];
  if (cart.lines.length === 0) errors.push(new UserError(['cartId'], 'The cart is empty', CheckoutErrorCode.EMPTY_CART));
  const email = input.email ?? cart.email;
  if (!caller.customerId && !email && !input.pos) {
    errors.push(
      new UserError(['input', 'email'], 'A guest checkout needs an email for the confirmation', CheckoutErrorCode.EMAIL_REQUIRED),
    );
  }
  const delivery = cart.delivery;
  if (!delivery) errors.push(new UserError(['cartId'], 'Choose a delivery method first', CheckoutErrorCode.DELIVERY_REQUIRED));
  else if (delivery.method === 'SHIP' && !delivery.address) {
    errors.push(new UserError(['cartId'], 'Shipping needs an address', CheckoutErrorCode.DELIVERY_REQUIRED));
  } else if (delivery.method !== 'SHIP' && !delivery.locationId) {
    errors.push(new UserError(['cartId'], 'Choose the store to collect from', CheckoutErrorCode.DELIVERY_REQUIRED));
  }
  if (input.expectedTotalMinor !== null && input.expectedTotalMinor !== cart.totals.totalMinor) {
    errors.push(
      new UserError(
        ['input', 'expectedTotal'],
        'The total changed since the cart was shown; review it and try again',
        CheckoutErrorCode.PRICE_CHANGED,
      ),
    );
  }
  let sum = 0;
  input.tenders.forEach((tender, index) => {
    const field = ['input', 'payments', String(index)];
    if (!Number.isSafeInteger(tender.amountMinor) || tender.amountMinor <= 0) {
      errors.push(new UserError([...field, 'amount'], 'A payment must be a positive amount', CheckoutErrorCode.PAYMENT_MISMATCH));
    }
    sum += tender.amountMinor;
    if (tender.method === 'CASH' && tender.tenderedMinor != null && tender.tenderedMinor < tender.amountMinor) {
      errors.push(
        new UserError([...field, 'amountTendered'], 'Less cash was handed over than the amount', CheckoutErrorCode.PAYMENT_MISMATCH),
      );
    }
    if (tender.method === 'STORE_CREDIT' && !caller.customerId) {
      errors.push(new UserError(field, 'Store credit needs a signed-in customer', CheckoutErrorCode.CUSTOMER_REQUIRED));
    }
    if (tender.method === 'LOYALTY_POINTS' && !caller.customerId) {
      errors.push(new UserError(field, 'Paying with points needs a signed-in customer', CheckoutErrorCode.CUSTOMER_REQUIRED));
    }
    if ((tender.method === 'CASH' || tender.method === 'MANUAL' || tender.method === 'CARD_EXTERNAL') && !caller.isStaff) {
      errors.push(new UserError(field, `${tender.method} is taken by staff only`, CheckoutErrorCode.PAYMENT_METHOD_NOT_ALLOWED));
    }
  });
  if (input.tenders.filter((t) => t.method === 'TEST_CARD').length > 1) {
    errors.push(new UserError(['input', 'payments'], 'Pay with one card at most', CheckoutErrorCode.PAYMENT_MISMATCH));
  }
  if (input.payAtPickup) {
    if (delivery && delivery.method === 'SHIP') {
      errors.push(
        new UserError(['input', 'payAtPickup'], 'Only an order collected at a store is paid at pickup', CheckoutErrorCode.PAYMENT_MISMATCH),
      );
    }
    if (input.tenders.length > 0) {
      errors.push(new UserError(['input', 'payments'], 'An order paid at pickup takes no payment now', CheckoutErrorCode.PAYMENT_MISMATCH));
    }
  } else if (cart.lines.length > 0 && sum !== cart.totals.totalMinor) {
    errors.push(
      new UserError(
        ['input', 'payments'],
        `The payments add up to ${sum}, not the total of ${cart.totals.totalMinor}`,
        CheckoutErrorCode.PAYMENT_MISMATCH,
      ),
    );
  }
  return errors;
}
