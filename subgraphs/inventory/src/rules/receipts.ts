import { UserError, UserErrorsException } from '#platform/graphql';
import type { PurchaseOrderLine, TransferLine } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { LineLike } from './stock-document';

/**
 * Matches receipt lines to a transfer's lines: a SKU not shipped, or more than is still in
 * transit, is refused. Returns the quantity received per SKU.
 */
export function transferReceipts(transfer: { number: string; lines: TransferLine[] }, receipts: readonly LineLike[]): Map<string, number> {
  const bySku = new Map(transfer.lines.map((line) => [line.sku, line]));
  const errors = receipts.flatMap((receipt, i) => {
    const line = bySku.get(receipt.sku);
    if (!line) return [notOnDocument(i, receipt.sku, `transfer ${transfer.number}`)];
    const inTransit = line.quantity - line.quantityReceived;
    return receipt.quantity > inTransit
      ? [
          new UserError(
            ['lines', String(i), 'quantity'],
            `Only ${inTransit} of ${receipt.sku} remain in transit; ${receipt.quantity} cannot be received`,
            InventoryErrorCode.OVER_RECEIPT,
          ),
        ]
      : [];
  });
  if (errors.length) throw new UserErrorsException(errors);
  return new Map(receipts.map((line) => [line.sku, line.quantity]));
}

/**
 * What each received SKU still had outstanding on a purchase order; refuses SKUs not ordered
 * and, unless `allowOverReceipt`, more than remains on a line.
 */
export function purchaseOrderOutstanding(
  order: { number: string; lines: PurchaseOrderLine[] },
  receipts: readonly LineLike[],
  allowOverReceipt: boolean,
): Map<string, number> {
  const bySku = new Map(order.lines.map((line) => [line.sku, line]));
  const remaining = new Map<string, number>();
  const errors = receipts.flatMap((receipt, i) => {
    const line = bySku.get(receipt.sku);
    if (!line) return [notOnDocument(i, receipt.sku, `purchase order ${order.number}`)];
    const left = Math.max(0, line.quantityOrdered - line.quantityReceived);
    remaining.set(receipt.sku, left);
    return receipt.quantity > left && !allowOverReceipt
      ? [
          new UserError(
            ['lines', String(i), 'quantity'],
            `Only ${left} of ${receipt.sku} remain to be received; pass allowOverReceipt to accept ${receipt.quantity}`,
            InventoryErrorCode.OVER_RECEIPT,
          ),
        ]
      : [];
  });
  if (errors.length) throw new UserErrorsException(errors);
  return remaining;
}

function notOnDocument(index: number, sku: string, document: string): UserError {
  return new UserError(['lines', String(index), 'sku'], `${sku} is not on ${document}`, InventoryErrorCode.NOT_FOUND);
}
