/**
 * The single writer of the sales ledger. Every function here persists in the caller's
 * EntityManager, which must be the transaction that makes the change (placing, cancelling,
 * returning), so a sale and its rows commit or roll back together; none reaches the network.
 * The frequently-bought-together counts change in the same transaction, for the same reason.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { SalesLedgerRow } from '../entities';
import { basketOf } from './recommendations/basket-change';
import { countBasketChange, countBasketChanges } from './recommendations/pair-counts';
import {
  saleLocation,
  saleRows,
  shippingAmounts,
  takenBackRows,
  type LedgerLine,
  type LedgerOrder,
  type SalesRowInput,
  type TakenBack,
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
  await recordOrdersSold(em, [{ order, lines }]);
}

/** `recordOrderSold` for many orders at once (a till's synced batch): their pair counts summed into one upsert each. */
export async function recordOrdersSold(
  em: EntityManager,
  sold: readonly { order: LedgerOrder; lines: readonly LedgerLine[] }[],
): Promise<void> {
  for (const { order, lines } of sold) recordSalesRows(em, saleRows(order, lines));
  await countBasketChanges(
    em,
    sold.map(({ lines }) => ({ before: [], after: basketOf(lines.map((line) => line.productId)) })),
  );
}

/**
 * Units cancelled: negative rows now, at the store the sale counted at, and the shipping when
 * the whole order went. `lines` carry their counters after the cancellation (`quantityCancelled`
 * already includes `cancelled`), as the cancellation's transaction leaves them.
 */
export async function recordOrderCancelled(
  em: EntityManager,
  order: LedgerOrder,
  lines: readonly (LedgerLine & { quantityCancelled: number; quantityReturned: number })[],
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
  await countKeptBasket(
    em,
    lines,
    (line) => line.quantityCancelled + line.quantityReturned - (cancelled.get(line.id) ?? 0),
    (line) => line.quantityCancelled + line.quantityReturned,
  );
}

/**
 * Units returned at `locationId`: negative RETURN rows there, now (or when they came back). `units` name each returned
 * order line with the units taken back before this return; `orderLines` are all the order's
 * lines with their counters after it, so a product with nothing kept stops counting towards its pairs.
 */
export async function recordOrderReturned(
  em: EntityManager,
  order: LedgerOrder,
  units: readonly TakenBack[],
  locationId: string,
  orderLines: readonly (LedgerLine & { quantityCancelled: number; quantityReturned: number })[],
  occurredAt: Date = new Date(),
): Promise<void> {
  recordSalesRows(em, takenBackRows(order, 'RETURN', units, { occurredAt, locationId }));
  const now = new Map(units.map((unit) => [unit.line.id, unit.quantity]));
  await countKeptBasket(
    em,
    orderLines,
    (line) => line.quantityCancelled + line.quantityReturned - (now.get(line.id) ?? 0),
    (line) => line.quantityCancelled + line.quantityReturned,
  );
}

/** The pair counts follow the products an order still keeps: `goneBefore` and `goneAfter` are each line's units taken back. */
async function countKeptBasket<Line extends LedgerLine>(
  em: EntityManager,
  lines: readonly Line[],
  goneBefore: (line: Line) => number,
  goneAfter: (line: Line) => number,
): Promise<void> {
  const kept = (gone: (line: Line) => number) => basketOf(lines.filter((line) => line.quantity - gone(line) > 0).map((l) => l.productId));
  await countBasketChange(em, kept(goneBefore), kept(goneAfter));
}
