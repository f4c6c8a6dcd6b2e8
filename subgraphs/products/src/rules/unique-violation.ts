import { UserError } from '#platform/graphql';
import { ProductsErrorCode } from '../errors';

/** Maps a unique constraint lost to a concurrent writer onto the field that caused it. */
export function uniqueViolationError(constraint: string, path: string[]): UserError | undefined {
  if (constraint.includes('sku'))
    return new UserError([...path, 'sku'], 'That SKU was just taken by another variant', ProductsErrorCode.TAKEN);
  if (constraint.includes('barcode'))
    return new UserError([...path, 'barcode'], 'That barcode was just taken by another variant', ProductsErrorCode.TAKEN);
  if (constraint.includes('handle')) return new UserError([...path, 'handle'], 'That handle was just taken', ProductsErrorCode.TAKEN);
  return undefined;
}
