import { StockQuerySource, type StockItem } from '#contracts/inventory';
import type { HydrationSibling } from './hydrator';

/** The batch each live item went out in, for hydrating its siblings with it; forgotten with the items. */
const batches = new WeakMap<StockItem, readonly StockItem[]>();

/** Live stock read as the subscriber, remembering which items go out together. */
export class BatchedStockSource extends StockQuerySource {
  together(items: readonly StockItem[]): void {
    for (const item of items) batches.set(item, items);
  }
}

/** The other items of `item`'s batch, named as hydration asks for them; none for an item that came alone. */
export function siblingsOf(item: StockItem, id: (sibling: StockItem) => string): () => HydrationSibling[] {
  return () => (batches.get(item) ?? []).map((sibling) => ({ id: id(sibling), eventKey: sibling.eventKey }));
}
