import { UserError } from '#platform/graphql';
import { StockMovementReason } from '../entities';
import { InventoryErrorCode } from '../errors';

/** Reasons staff may give, and the direction each allows (+1 in, -1 out, 0 either). */
const ADJUSTABLE: Partial<Record<StockMovementReason, -1 | 0 | 1>> = {
  [StockMovementReason.CORRECTION]: 0,
  [StockMovementReason.RECEIVED]: 1,
  [StockMovementReason.RETURN]: 1,
  [StockMovementReason.DAMAGED]: -1,
  [StockMovementReason.LOST]: -1,
  [StockMovementReason.SALE]: -1,
};

/** Why an adjustment's reason and delta do not go together: a system-only reason, a zero delta, or the wrong direction. */
export function adjustmentErrors(input: { reason: StockMovementReason; delta: number }): UserError[] {
  const direction = ADJUSTABLE[input.reason];
  if (direction === undefined) {
    return [
      new UserError(['input', 'reason'], `${input.reason} is recorded by the system, not by an adjustment`, InventoryErrorCode.INVALID),
    ];
  }
  if (input.delta === 0) return [new UserError(['input', 'delta'], 'delta must not be zero', InventoryErrorCode.INVALID)];
  if (direction !== 0 && Math.sign(input.delta) !== direction) {
    const adds = direction > 0;
    return [
      new UserError(
        ['input', 'delta'],
        `${input.reason} ${adds ? 'adds' : 'removes'} stock: delta must be ${adds ? 'positive' : 'negative'}`,
        InventoryErrorCode.INVALID,
      ),
    ];
  }
  return [];
}

/** A count lists each SKU once; later repeats are reported. */
export function repeatedCountErrors(counts: readonly { sku: string }[]): UserError[] {
  const seen = new Set<string>();
  return counts.flatMap((line, i) => {
    const repeated = seen.has(line.sku);
    seen.add(line.sku);
    return repeated ? [new UserError(['input', 'counts', String(i), 'sku'], `${line.sku} is counted twice`, InventoryErrorCode.TAKEN)] : [];
  });
}

/** The caller saw `expected` on hand, but there are `onHand`: stock moved since, so nothing may change. */
export function staleQuantity(field: string[], expected: number, onHand: number, subject = ''): UserError | null {
  if (expected === onHand) return null;
  const message = subject
    ? `${subject}: expected ${expected} on hand but there are ${onHand}; recount`
    : `Expected ${expected} on hand but there are ${onHand}; nothing was changed`;
  return new UserError(field, message, InventoryErrorCode.STALE_QUANTITY);
}
