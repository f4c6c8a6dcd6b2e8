import type { CurrencyCode, SalesChannel } from '#platform/graphql';
import { internalCommand } from '#platform/internal';
import type { CodeRejectionReason } from './errors';

/**
 * The internal commands the orders subgraph sends promotions: pricing a basket, holding and
 * settling discount uses, and moving gift card, store credit and loyalty balances. Each is an
 * `@inaccessible` field (never in the public API) answering only a SERVICE token, except
 * `storeCreditIssue` and `loyaltyPointsAdjust`, staff mutations a service may also send to give
 * credit or points back. Every balance command is idempotent under its key: retrying with the
 * same key and input replays the first answer.
 */

/** An amount as the API returns it: an exact decimal string and its currency. */
export interface MoneyValue {
  amount: string;
  currencyCode: CurrencyCode;
}

/** An amount to send: the currency defaults to the shop's. */
export interface MoneyArgument {
  amount: string;
  currencyCode?: CurrencyCode;
}

const MONEY = '{ amount currencyCode }';

// ---- Pricing --------------------------------------------------------------------------------

/** A basket line to price; `id` is the caller's key that allocations refer to. */
export interface EvaluationLineArgument {
  id: string;
  sku: string;
  productId: string;
  /** The product's categories (the discount targets match these). */
  categoryIds?: string[];
  quantity: number;
  /** Decimal, in the shop currency. */
  unitPrice: string;
}

export interface DiscountsEvaluateVariables {
  input: {
    lines: EvaluationLineArgument[];
    /** Null for a guest, who cannot use discounts limited per customer. */
    customerId?: string | null;
    channel: SalesChannel;
    codes?: string[];
    /** Decimal, in the shop currency; "0" when omitted. */
    shipping?: string;
  };
}

export interface DiscountEvaluationValue {
  lines: {
    id: string;
    subtotal: MoneyValue;
    discount: MoneyValue;
    total: MoneyValue;
    allocations: { discountId: string; amount: MoneyValue }[];
  }[];
  /** The discounts that take something, in the order applied: reserve exactly these. */
  applied: { discountId: string; title: string; code: string | null; class: 'PRODUCT' | 'ORDER' | 'SHIPPING'; amount: MoneyValue }[];
  rejectedCodes: { code: string; reason: CodeRejectionReason; message: string }[];
  subtotal: MoneyValue;
  productDiscount: MoneyValue;
  orderDiscount: MoneyValue;
  shippingDiscount: MoneyValue;
  totalDiscount: MoneyValue;
  shipping: MoneyValue;
  total: MoneyValue;
}

/** Prices a basket after offers and says why each code entered gives nothing. Reads only. */
export const DiscountsEvaluate = internalCommand<DiscountsEvaluateVariables, DiscountEvaluationValue>(`
  query DiscountsEvaluate($input: DiscountEvaluationInput!) {
    discountsEvaluate(input: $input) {
      lines { id subtotal ${MONEY} discount ${MONEY} total ${MONEY} allocations { discountId amount ${MONEY} } }
      applied { discountId title code class amount ${MONEY} }
      rejectedCodes { code reason message }
      subtotal ${MONEY} productDiscount ${MONEY} orderDiscount ${MONEY} shippingDiscount ${MONEY}
      totalDiscount ${MONEY} shipping ${MONEY} total ${MONEY}
    }
  }
`);

// ---- Discount uses --------------------------------------------------------------------------

/** One use of a discount held for an order. */
export interface DiscountRedemptionValue {
  key: string;
  discountId: string;
  status: 'RESERVED' | 'COMMITTED' | 'RELEASED' | 'EXPIRED';
  /** ISO date-time: when a RESERVED use lapses unless committed first. */
  expiresAt: string;
}

export interface DiscountRedemptionsValue {
  redemptions: DiscountRedemptionValue[];
}

const REDEMPTIONS = '{ redemptions { key discountId status expiresAt } userErrors { field message code } }';

export interface DiscountRedemptionReserveVariables {
  input: {
    /** The checkout's key: commit and release name it, and a replay under it answers the same uses. */
    key: string;
    discountIds: string[];
    customerId?: string | null;
    orderReference?: string | null;
    /** How long the uses are held unless committed (1 to 86400 s; 900 by default). */
    ttlSeconds?: number | null;
  };
}

/**
 * Holds one use of each discount, all or none. Refusals: USAGE_LIMIT_REACHED, CUSTOMER_REQUIRED,
 * INACTIVE, NOT_STARTED, EXPIRED, NOT_FOUND; REDEMPTION_RELEASED or REDEMPTION_EXPIRED on a
 * replay of a key whose uses ended.
 */
export const DiscountRedemptionReserve = internalCommand<DiscountRedemptionReserveVariables, DiscountRedemptionsValue>(`
  mutation DiscountRedemptionReserve($input: DiscountRedemptionReserveInput!) {
    discountRedemptionReserve(input: $input) ${REDEMPTIONS}
  }
`);

/** Makes the uses held under a key final (the order was placed); twice is harmless. Refusals: REDEMPTION_EXPIRED, REDEMPTION_RELEASED, NOT_FOUND. */
export const DiscountRedemptionCommit = internalCommand<{ key: string }, DiscountRedemptionsValue>(`
  mutation DiscountRedemptionCommit($key: String!) {
    discountRedemptionCommit(key: $key) ${REDEMPTIONS}
  }
`);

/** Gives the uses held under a key back (the checkout failed); twice, or after expiry, is harmless. Refusals: REDEMPTION_COMMITTED, NOT_FOUND. */
export const DiscountRedemptionRelease = internalCommand<{ key: string }, DiscountRedemptionsValue>(`
  mutation DiscountRedemptionRelease($key: String!) {
    discountRedemptionRelease(key: $key) ${REDEMPTIONS}
  }
`);

/**
 * Gives back the uses of a placed order that was cancelled: held or committed uses under the key
 * go back to their discounts (RELEASED). Twice is harmless. Refusals: NOT_FOUND (nothing under the key).
 */
export const DiscountRedemptionReturn = internalCommand<{ key: string }, DiscountRedemptionsValue>(`
  mutation DiscountRedemptionReturn($key: String!) {
    discountRedemptionReturn(key: $key) ${REDEMPTIONS}
  }
`);

// ---- Gift cards -----------------------------------------------------------------------------

export interface GiftCardChangeValue {
  giftCard: { id: string; lastCharacters: string; balance: MoneyValue };
  transaction: { id: string; kind: 'ISSUE' | 'DEBIT' | 'REFUND'; amount: MoneyValue; balanceAfter: MoneyValue; reference: string | null };
}

const GIFT_CARD_CHANGE = `{
  giftCard { id lastCharacters balance ${MONEY} }
  transaction { id kind amount ${MONEY} balanceAfter ${MONEY} reference }
  userErrors { field message code }
}`;

export interface GiftCardDebitVariables {
  input: { code: string; amount: MoneyArgument; reference?: string | null };
  idempotencyKey: string;
}

/** Spends part or all of a card, never below zero. Refusals: INSUFFICIENT_BALANCE, GIFT_CARD_DISABLED, GIFT_CARD_EXPIRED, NOT_FOUND, CURRENCY_MISMATCH. */
export const GiftCardDebit = internalCommand<GiftCardDebitVariables, GiftCardChangeValue>(`
  mutation GiftCardDebit($input: GiftCardDebitInput!, $idempotencyKey: String!) {
    giftCardDebit(input: $input, idempotencyKey: $idempotencyKey) ${GIFT_CARD_CHANGE}
  }
`);

export interface GiftCardRefundVariables {
  /** The card by `code` or by `id` (as a debit's answer named it), not both. */
  input: { code?: string | null; id?: string | null; amount: MoneyArgument; reference?: string | null };
  idempotencyKey: string;
}

/** Puts money back on a card (a debit's compensation, a return), never more than was spent. Refusals: REFUND_EXCEEDS_SPENT, NOT_FOUND, CURRENCY_MISMATCH. */
export const GiftCardRefund = internalCommand<GiftCardRefundVariables, GiftCardChangeValue>(`
  mutation GiftCardRefund($input: GiftCardRefundInput!, $idempotencyKey: String!) {
    giftCardRefund(input: $input, idempotencyKey: $idempotencyKey) ${GIFT_CARD_CHANGE}
  }
`);

// ---- Store credit ---------------------------------------------------------------------------

export interface StoreCreditChangeValue {
  account: { id: string; customerId: string; balance: MoneyValue };
  entry: { id: string; amount: MoneyValue; balanceAfter: MoneyValue; reason: string | null; reference: string | null };
}

const STORE_CREDIT_CHANGE = `{
  account { id customerId balance ${MONEY} }
  entry { id amount ${MONEY} balanceAfter ${MONEY} reason reference }
  userErrors { field message code }
}`;

export interface StoreCreditDebitVariables {
  input: { customerId: string; amount: MoneyArgument; reference?: string | null };
  idempotencyKey: string;
}

/** Spends a customer's store credit, never below zero. Refusals: INSUFFICIENT_BALANCE, NOT_FOUND, CURRENCY_MISMATCH. */
export const StoreCreditDebit = internalCommand<StoreCreditDebitVariables, StoreCreditChangeValue>(`
  mutation StoreCreditDebit($input: StoreCreditDebitInput!, $idempotencyKey: String!) {
    storeCreditDebit(input: $input, idempotencyKey: $idempotencyKey) ${STORE_CREDIT_CHANGE}
  }
`);

export interface StoreCreditIssueVariables {
  input: { customerId: string; amount: MoneyArgument; reason: string };
  /** Always send one from a saga: without it a retry gives the credit twice. */
  idempotencyKey?: string | null;
}

/**
 * Gives a customer store credit: a debit's compensation, or a refund to store credit on a
 * return. Refusals: CURRENCY_MISMATCH.
 */
export const StoreCreditIssue = internalCommand<StoreCreditIssueVariables, StoreCreditChangeValue>(`
  mutation StoreCreditIssue($input: StoreCreditIssueInput!, $idempotencyKey: String) {
    storeCreditIssue(input: $input, idempotencyKey: $idempotencyKey) ${STORE_CREDIT_CHANGE}
  }
`);

// ---- Loyalty points -------------------------------------------------------------------------

export interface LoyaltyChangeValue {
  account: { id: string; customerId: string; points: number };
  entry: {
    id: string;
    kind: 'EARN' | 'REDEEM' | 'ADJUST';
    points: number;
    balanceAfter: number;
    reason: string | null;
    reference: string | null;
  };
}

const LOYALTY_CHANGE = `account { id customerId points } entry { id kind points balanceAfter reason reference } userErrors { field message code }`;

export interface LoyaltyPointsEarnVariables {
  input: { customerId: string; amountSpent: MoneyArgument; channel: SalesChannel; reference?: string | null };
  idempotencyKey: string;
}

/** Awards points for a purchase at the programme's rate and the channel's multiplier. */
export const LoyaltyPointsEarn = internalCommand<LoyaltyPointsEarnVariables, LoyaltyChangeValue>(`
  mutation LoyaltyPointsEarn($input: LoyaltyPointsEarnInput!, $idempotencyKey: String!) {
    loyaltyPointsEarn(input: $input, idempotencyKey: $idempotencyKey) { ${LOYALTY_CHANGE} }
  }
`);

export interface LoyaltyPointsRedeemVariables {
  input: { customerId: string; points: number; reference?: string | null };
  idempotencyKey: string;
}

/** Spends points at checkout and says what they are worth. Refusals: INSUFFICIENT_POINTS, NOT_FOUND. */
export const LoyaltyPointsRedeem = internalCommand<LoyaltyPointsRedeemVariables, LoyaltyChangeValue & { value: MoneyValue }>(`
  mutation LoyaltyPointsRedeem($input: LoyaltyPointsRedeemInput!, $idempotencyKey: String!) {
    loyaltyPointsRedeem(input: $input, idempotencyKey: $idempotencyKey) { ${LOYALTY_CHANGE} value ${MONEY} }
  }
`);

/** The loyalty programme's redemption rate: what one point pays; null when there is no programme. */
export const LoyaltyProgramRead = internalCommand<Record<string, never>, { redemptionValuePerPoint: MoneyValue } | null>(`
  query LoyaltyProgramRead {
    loyaltyProgram { redemptionValuePerPoint ${MONEY} }
  }
`);

/** The points a paid order earned, once the order-events consumer credited them; null before (or when it earned none). */
export const LoyaltyEarnedForOrder = internalCommand<{ orderId: string }, number | null>(`
  query LoyaltyEarnedForOrder($orderId: ID!) {
    loyaltyPointsEarnedForOrder(orderId: $orderId)
  }
`);

export interface LoyaltyPointsAdjustVariables {
  /** Positive gives points back (a redemption's compensation), negative takes earned points away (a return). */
  input: { customerId: string; points: number; reason: string };
  /** Always send one from a saga: without it a retry moves the points twice. */
  idempotencyKey?: string | null;
}

/** Reverses a redemption or an earning; never below zero. Refusals: INSUFFICIENT_POINTS, NOT_FOUND. */
export const LoyaltyPointsAdjust = internalCommand<LoyaltyPointsAdjustVariables, LoyaltyChangeValue>(`
  mutation LoyaltyPointsAdjust($input: LoyaltyPointsAdjustInput!, $idempotencyKey: String) {
    loyaltyPointsAdjust(input: $input, idempotencyKey: $idempotencyKey) { ${LOYALTY_CHANGE} }
  }
`);
