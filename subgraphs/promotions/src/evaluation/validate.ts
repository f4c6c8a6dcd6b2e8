/**
 * Malformed input is a bug in the caller, not a customer mistake, so it is thrown rather than
 * returned: a fractional price or a 150% discount would otherwise break the guarantee that every
 * amount is a non-negative integer and no line goes below zero.
 */
import type { DiscountRule, EvaluationInput } from './types';

/** Thrown for input the engine cannot price; `code` lets the GraphQL layer map it. */
export class EvaluationInputError extends Error {
  readonly code = 'INVALID_EVALUATION_INPUT';
  override readonly name = 'EvaluationInputError';
}

/** Throws EvaluationInputError on the first value that breaks the contract's ranges. */
export function assertValidInput(rules: readonly DiscountRule[], input: EvaluationInput): void {
  if (Number.isNaN(input.now.getTime())) fail('now is not a valid date');
  // A blank id would pass for a customer and slip past per-customer limits; a guest is null.
  if (input.customer.id !== null && input.customer.id.trim() === '') fail('customer id is blank; a guest is null');
  wholeAtLeast(input.shippingMinor, 0, 'shippingMinor');
  unique(
    input.lines.map((line) => line.id),
    'line id',
  );
  for (const line of input.lines) {
    wholeAtLeast(line.quantity, 1, `line ${line.id} quantity`);
    wholeAtLeast(line.unitPriceMinor, 0, `line ${line.id} unitPriceMinor`);
  }
  unique(
    rules.map((rule) => rule.id),
    'discount id',
  );
  for (const rule of rules) assertValidRule(rule);
}

function assertValidRule(rule: DiscountRule): void {
  const what = `discount ${rule.id}`;
  const { value } = rule;
  switch (value.type) {
    case 'PERCENTAGE':
      basisPoints(value.basisPoints, `${what} basisPoints`);
      break;
    case 'FIXED_AMOUNT':
      wholeAtLeast(value.amountMinor, 0, `${what} amountMinor`);
      break;
    case 'BUY_X_GET_Y':
      wholeAtLeast(value.buyQuantity, 1, `${what} buyQuantity`);
      wholeAtLeast(value.getQuantity, 1, `${what} getQuantity`);
      basisPoints(value.getBasisPoints, `${what} getBasisPoints`);
      break;
    case 'FREE_SHIPPING':
      if (value.maxAmountMinor !== null) wholeAtLeast(value.maxAmountMinor, 0, `${what} maxAmountMinor`);
      break;
  }
  if (rule.minimumSubtotalMinor !== null) wholeAtLeast(rule.minimumSubtotalMinor, 0, `${what} minimumSubtotalMinor`);
  if (rule.minimumQuantity !== null) wholeAtLeast(rule.minimumQuantity, 0, `${what} minimumQuantity`);
}

function basisPoints(value: number, what: string): void {
  wholeAtLeast(value, 0, what);
  if (value > 10_000) fail(`${what} must be at most 10000, got ${value}`);
}

function wholeAtLeast(value: number, minimum: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    fail(`${what} must be an integer of at least ${minimum}, got ${value}`);
  }
}

function unique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) fail(`${what} ${id} appears twice`);
    seen.add(id);
  }
}

function fail(message: string): never {
  throw new EvaluationInputError(message);
}
