/**
 * A refund the engine cannot work out is a caller's bug: an order line whose stored figures do
 * not agree with each other, more units than remain, or a line that is not in the order. These
 * are thrown; the service checks returned quantities and shows its own errors before calling.
 */
import { shareOfFirst } from './unit-share';
import type { RefundableLine, RefundableShipping } from './types';

/** Thrown for input the engine cannot refund; `code` lets the GraphQL layer map it. */
export class RefundInputError extends Error {
  readonly code = 'INVALID_REFUND_INPUT';
  override readonly name = 'RefundInputError';
}

/** Throws RefundInputError unless `line`'s stored figures agree and `count` more of its units remain to refund. */
export function assertRefundableUnits(line: RefundableLine, count: number): void {
  const what = `line ${line.lineId}`;
  for (const field of [
    'subtotalMinor',
    'discountMinor',
    'taxMinor',
    'totalMinor',
    'alreadyRefundedQuantity',
    'alreadyRefundedMinor',
  ] as const) {
    whole(line[field], `${what} ${field}`);
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) fail(`${what} quantity must be a positive integer, got ${line.quantity}`);
  if (line.discountMinor > line.subtotalMinor)
    fail(`${what} is discounted ${line.discountMinor}, more than its subtotal ${line.subtotalMinor}`);
  const net = line.subtotalMinor - line.discountMinor;
  if (line.taxMinor > line.totalMinor || (line.totalMinor !== net && line.totalMinor !== net + line.taxMinor)) {
    fail(`${what} total ${line.totalMinor} is neither its net ${net} nor net plus tax ${line.taxMinor}`);
  }
  if (line.alreadyRefundedQuantity > line.quantity) fail(`${what} has ${line.alreadyRefundedQuantity} of ${line.quantity} units refunded`);
  const expected = shareOfFirst(line.totalMinor, line.alreadyRefundedQuantity, line.quantity);
  if (line.alreadyRefundedMinor !== expected) {
    fail(`${what} shows ${line.alreadyRefundedMinor} refunded for ${line.alreadyRefundedQuantity} units, where ${expected} was due`);
  }
  if (!Number.isSafeInteger(count) || count < 1) fail(`${what} refund quantity must be a positive integer, got ${count}`);
  const left = line.quantity - line.alreadyRefundedQuantity;
  if (count > left) fail(`${what} has ${left} units left to refund, not ${count}`);
}

/** Throws RefundInputError unless `shipping`'s figures are whole and agree. */
export function assertRefundableShipping(shipping: RefundableShipping): void {
  whole(shipping.amountMinor, 'shipping amountMinor');
  whole(shipping.taxMinor, 'shipping taxMinor');
  whole(shipping.alreadyRefundedMinor, 'shipping alreadyRefundedMinor');
  if (shipping.taxMinor > shipping.amountMinor) fail(`shipping tax ${shipping.taxMinor} exceeds shipping ${shipping.amountMinor}`);
  if (shipping.alreadyRefundedMinor > shipping.amountMinor)
    fail(`shipping refunded ${shipping.alreadyRefundedMinor} exceeds ${shipping.amountMinor} paid`);
}

function whole(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) fail(`${what} must be a non-negative integer, got ${value}`);
}

function fail(message: string): never {
  throw new RefundInputError(message);
}
