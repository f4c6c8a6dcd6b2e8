/**
 * The single writer of the sales ledger. Every function here persists in the caller's
 * EntityManager, which must be the transaction that makes the change (placing, cancelling,
 * returning), so a sale and its rows commit or roll back together; none reaches the network.
 * The frequently-bought-together counts change in the same transaction, for the same reason.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { SalesLedgerRow } from '../entities';
import { basketOf } from './recommendations/basket-change';
import { countBasketChange } from './recommendations/pair-counts';
import {
  saleLocation,
  saleRows,
  shippingAmounts,
  takenBackRows,
  type LedgerLine,
  type LedgerOrder,
  type SalesRowInput,
} from './ledger-rows';

/** Appends `rows` in `em`'s transaction (flushed with the caller's other changes). */
export function recordSalesRows(em: EntityManager, rows: readonly SalesRowInput[]): void {
  for (const row of rows) em.persist(Object.assign(new SalesLedgerRow(), { ...row, categoryId: row.categoryIds[0] ?? null }));
}

/**
 * A placed order: a row per line and one for shipping, at its sale time (an offline till's own)
 * and store; and its products counted into the frequently-bought-together pairs.
 */
export async function recordOrderSold(em: EntityManager, order: LedgerOrder, lines: readonly LedgerLine[]): Promise<void> {
  recordSalesRows(em, saleRows(order, lines));
  await countBasketChange(em, [], basketOf(lines.map((line) => line.productId)));
}

/**
 * Units cancelled: negative rows now, at the store the sale counted at, and the shipping when
 * the whole order went. `lines` carry their counters after the cancellation (`quantityCancelled`
 * already includes `cancelled`), as the cancellation's transaction leaves them.
 */
export async function recordOrderCancelled(
  em: EntityManager,
  order: LedgerOrder,
  lines: readonly (LedgerLine & { quantityCancelled: number })[],
  cancelled: ReadonlyMap<string, number>,
  whole: boolean,
): Promise<void> {
  const units = lines
    .filter((line) => (cancelled.get(line.id) ?? 0) > 0)
    .map((line) => {
      const quantity = cancelled.get(line.id) ?? 0;
      return { line, before: line.quantityCancelled - quantity, quantity };
    });
  recordSalesRows(
    em,
    takenBackRows(order, 'CANCELLATION', units, {
      occurredAt: new Date(),
      locationId: saleLocation(order),
      shipping: whole ? shippingAmounts(order, lines) : null,
    }),
  );
  // A product with no unit left on the order stops counting towards its pairs.
  const held = (left: (line: (typeof lines)[number]) => number) => basketOf(lines.filter((line) => left(line) > 0).map((l) => l.productId));
  await countBasketChange(
    em,
    held((line) => line.quantity - line.quantityCancelled + (cancelled.get(line.id) ?? 0)),
    held((line) => line.quantity - line.quantityCancelled),
  );
}
