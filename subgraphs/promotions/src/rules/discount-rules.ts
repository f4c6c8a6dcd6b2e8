import { MoneyFormatError, parseMinorUnits, UserError, UserErrorCode, type CurrencyCode } from '#platform/graphql';
import { DiscountKind, DiscountScope, DiscountTargetType, type Discount } from '../entities';
import type { DiscountInput } from '../inputs/discount.input';

/** Percent as basis points: "15" → 1500, "12.5" → 1250; at most two decimals. */
function basisPoints(value: string, field: string[], errors: UserError[]): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) {
    errors.push(new UserError(field, 'A percentage has at most two decimals, e.g. "12.5"', UserErrorCode.INVALID));
    return null;
  }
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (points > 10_000) errors.push(new UserError(field, 'A percentage cannot be over 100', UserErrorCode.LESS_THAN_OR_EQUAL_TO));
  else if (points <= 0) errors.push(new UserError(field, 'A percentage must be more than 0', UserErrorCode.GREATER_THAN_OR_EQUAL_TO));
  return points;
}

function minorUnits(value: string, field: string[], currency: CurrencyCode, errors: UserError[], allowZero = false): number | null {
  try {
    const amount = parseMinorUnits(value, currency);
    if (amount < 0 || (!allowZero && amount === 0)) {
      errors.push(
        new UserError(field, `The amount must be ${allowZero ? 'zero or more' : 'more than 0'}`, UserErrorCode.GREATER_THAN_OR_EQUAL_TO),
      );
    }
    return amount;
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    errors.push(new UserError(field, error.message, UserErrorCode.INVALID));
    return null;
  }
}

/** What a discount names in other subgraphs: products and categories (products), segments (customers). */
export interface DiscountReferences {
  targetType: DiscountTargetType;
  productIds: string[];
  categoryIds: string[];
  segmentIds: string[];
}

/**
 * What a discount will name elsewhere once `input` is applied to one naming `current`: an input
 * that leaves targets or segments out keeps them. The same rule `applyDiscountInput` applies, so
 * what is checked against the other subgraphs before a transaction is what the transaction writes.
 */
export function referencesAfter(input: DiscountInput, current: DiscountReferences): DiscountReferences {
  const target = input.appliesTo;
  return {
    ...(target === undefined
      ? { targetType: current.targetType, productIds: current.productIds, categoryIds: current.categoryIds }
      : {
          targetType: target?.type ?? DiscountTargetType.ALL,
          productIds: [...new Set(target?.productIds ?? [])],
          categoryIds: [...new Set(target?.categoryIds ?? [])],
        }),
    segmentIds: input.segmentIds === undefined ? current.segmentIds : [...new Set(input.segmentIds ?? [])],
  };
}

/**
 * Applies an input onto a discount (a new one, or a copy being updated), checking every rule
 * that needs no database: value per kind, scope per kind, dates in order, target lists present.
 */
export function applyDiscountInput(discount: Discount, input: DiscountInput, currency: CurrencyCode, errors: UserError[]): void {
  const at = (name: string) => ['input', name];
  if (input.title !== undefined) discount.title = input.title.trim();
  if (input.code !== undefined) {
    discount.code = input.code?.trim() || null;
    discount.codeKey = discount.code?.toUpperCase() ?? null;
  }
  if (input.public != null) discount.isPublic = input.public;
  if (input.kind !== undefined) discount.kind = input.kind;
  if (input.scope !== undefined) discount.scope = input.scope;
  if (input.buyQuantity !== undefined) discount.buyQuantity = input.buyQuantity;
  if (input.getQuantity !== undefined) discount.getQuantity = input.getQuantity;
  if (input.minimumQuantity !== undefined) discount.minimumQuantity = input.minimumQuantity;
  if (input.channels !== undefined) discount.channels = [...new Set(input.channels ?? [])];
  if (input.startsAt !== undefined) discount.startsAt = input.startsAt;
  if (input.endsAt !== undefined) discount.endsAt = input.endsAt;
  if (input.usageLimit !== undefined) discount.usageLimit = input.usageLimit;
  if (input.usageLimitPerCustomer !== undefined) discount.usageLimitPerCustomer = input.usageLimitPerCustomer;
  if (input.minimumSubtotal !== undefined) {
    discount.minimumSubtotal =
      input.minimumSubtotal == null ? null : minorUnits(input.minimumSubtotal, at('minimumSubtotal'), currency, errors, true);
  }
  if (input.combinesWith) {
    discount.combinesWithProduct = input.combinesWith.productDiscounts;
    discount.combinesWithOrder = input.combinesWith.orderDiscounts;
    discount.combinesWithShipping = input.combinesWith.shippingDiscounts;
  }
  Object.assign(discount, referencesAfter(input, discount));
  if (input.value !== undefined || input.kind !== undefined) applyValue(discount, input.value, currency, errors);
  checkShape(discount, errors);
}

function applyValue(discount: Discount, value: string | null | undefined, currency: CurrencyCode, errors: UserError[]): void {
  const field = ['input', 'value'];
  discount.basisPoints = null;
  discount.amount = null;
  switch (discount.kind) {
    case DiscountKind.PERCENTAGE:
      if (value == null) errors.push(new UserError(field, 'A percentage discount needs a value', UserErrorCode.BLANK));
      else discount.basisPoints = basisPoints(value, field, errors);
      discount.scope ??= DiscountScope.ITEMS;
      break;
    case DiscountKind.FIXED_AMOUNT:
      if (value == null) errors.push(new UserError(field, 'A fixed-amount discount needs a value', UserErrorCode.BLANK));
      else discount.amount = minorUnits(value, field, currency, errors);
      discount.scope ??= DiscountScope.ORDER;
      break;
    case DiscountKind.BUY_X_GET_Y:
      discount.basisPoints = value == null ? 10_000 : basisPoints(value, field, errors);
      discount.scope = null;
      break;
    case DiscountKind.FREE_SHIPPING:
      discount.amount = value == null ? null : minorUnits(value, field, currency, errors);
      discount.scope = null;
      break;
  }
}

function checkShape(discount: Discount, errors: UserError[]): void {
  const { kind, scope } = discount;
  if (kind === DiscountKind.PERCENTAGE && scope === DiscountScope.EACH_ITEM) {
    errors.push(new UserError(['input', 'scope'], 'A percentage is taken off ITEMS or the ORDER', UserErrorCode.INVALID));
  }
  if (kind === DiscountKind.FIXED_AMOUNT && scope === DiscountScope.ITEMS) {
    errors.push(new UserError(['input', 'scope'], 'A fixed amount is taken off EACH_ITEM or the ORDER', UserErrorCode.INVALID));
  }
  if (kind === DiscountKind.BUY_X_GET_Y && (!discount.buyQuantity || !discount.getQuantity)) {
    errors.push(new UserError(['input', 'buyQuantity'], 'Buy X get Y needs buyQuantity and getQuantity', UserErrorCode.BLANK));
  }
  if (discount.startsAt && discount.endsAt && discount.endsAt <= discount.startsAt) {
    errors.push(new UserError(['input', 'endsAt'], 'A discount must end after it starts', UserErrorCode.INVALID));
  }
  if (discount.targetType === DiscountTargetType.PRODUCTS && discount.productIds.length === 0) {
    errors.push(new UserError(['input', 'appliesTo', 'productIds'], 'Name at least one product', UserErrorCode.BLANK));
  }
  if (discount.targetType === DiscountTargetType.CATEGORIES && discount.categoryIds.length === 0) {
    errors.push(new UserError(['input', 'appliesTo', 'categoryIds'], 'Name at least one category', UserErrorCode.BLANK));
  }
}
