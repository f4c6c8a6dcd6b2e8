/**
 * A believable order history, planned without touching a database: pure and deterministic for
 * a given seed, so a demo shop looks the same on every fresh start. Channels, stores, staff,
 * customers, baskets and returns are drawn with the skews a real shop has: a few best sellers
 * (Zipf), baskets that stay in a category or its companion (what frequently-bought-together
 * learns from), more orders at weekends and in the last weeks, known customers coming back, and
 * about one order in twenty-five bringing a line back to a store a few days later.
 */
import { seededRandom } from '#platform/runtime';

export type HistoryChannel = 'WEB' | 'APP' | 'POS' | 'KIOSK' | 'MARKETPLACE';
export type HistoryTender = 'TEST_CARD' | 'CASH' | 'CARD_EXTERNAL';

export interface HistoryProduct {
  sku: string;
  productId: string;
  /** The product's own category, the basket's anchor. */
  categoryId: string | null;
  channels: readonly string[];
}

export interface HistoryWorld {
  products: readonly HistoryProduct[];
  storeIds: readonly string[];
  /** Staff members by store (POS sales are rung up by one of the store's own, else anyone). */
  staffByStore: ReadonlyMap<string, readonly string[]>;
  customerIds: readonly string[];
}

export interface PlannedOrder {
  at: Date;
  channel: HistoryChannel;
  customerId: string | null;
  /** The till's store (POS, KIOSK) or the pickup store; null for a shipped order. */
  storeId: string | null;
  staffId: string | null;
  method: 'SHIP' | 'PICKUP';
  tender: HistoryTender;
  lines: { sku: string; quantity: number }[];
  /** One line brought back, whole, to a store this long after the sale. */
  returned: { lineIndex: number; storeId: string; afterMs: number } | null;
}

const DAY_MS = 86_400_000;
const CHANNELS: [HistoryChannel, number][] = [
  ['WEB', 38],
  ['POS', 30],
  ['APP', 16],
  ['KIOSK', 8],
  ['MARKETPLACE', 8],
];
const RETURN_RATE = 0.04;

/** `count` orders over the `days` before `until` (the last full day excluded, so "today" stays the shop's own), oldest first. */
export function planOrderHistory(world: HistoryWorld, count: number, options: { days: number; until: Date; seed: number }): PlannedOrder[] {
  if (world.products.length === 0 || count <= 0) return [];
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: readonly [T, number][]): T => {
    let roll = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
    return items[items.length - 1][0];
  };
  // Popularity by Zipf over a shuffled catalog: a handful of best sellers, a long tail.
  const ranked = [...world.products].sort(() => random() - 0.5);
  const popularity = ranked.map((product, rank) => [product, 1 / (rank + 1) ** 0.9] as [HistoryProduct, number]);
  const byCategory = new Map<string | null, [HistoryProduct, number][]>();
  for (const entry of popularity) byCategory.set(entry[0].categoryId, [...(byCategory.get(entry[0].categoryId) ?? []), entry]);
  // Each category has a companion (a bike and its helmets): baskets wander there too.
  const categories = [...byCategory.keys()];
  const companion = new Map(categories.map((category, i) => [category, categories[(i + 1) % categories.length]]));
  // Regulars buy more often than the rest.
  const regulars = world.customerIds.slice(0, Math.max(1, Math.ceil(world.customerIds.length / 5)));

  const start = options.until.getTime() - DAY_MS - options.days * DAY_MS;
  const orders: PlannedOrder[] = [];
  while (orders.length < count) {
    // Later days weigh more (a growing shop), weekends more again.
    const day = Math.floor(Math.sqrt(random()) * options.days);
    const midnight = start + day * DAY_MS;
    const weekday = new Date(midnight).getUTCDay();
    if ((weekday === 0 || weekday === 6) === false && random() < 0.25) continue;
    const at = new Date(midnight + (8 + random() * 12) * 3_600_000);
    const channel = weighted(CHANNELS);
    const products = popularity.filter(([product]) => product.channels.includes(channel));
    if (products.length === 0) continue;
    const inStore = channel === 'POS' || channel === 'KIOSK';
    const method = inStore ? 'PICKUP' : random() < 0.25 && world.storeIds.length > 0 ? 'PICKUP' : 'SHIP';
    const storeId = method === 'PICKUP' && world.storeIds.length > 0 ? pick(world.storeIds) : null;
    if (inStore && !storeId) continue;
    const known = world.customerIds.length > 0 && random() < (inStore ? 0.45 : 0.8);
    const customerId = known ? (random() < 0.5 ? pick(regulars) : pick(world.customerIds)) : null;
    const staff = storeId ? (world.staffByStore.get(storeId) ?? []) : [];
    const staffId = channel === 'POS' && staff.length > 0 ? pick(staff) : null;

    const first = weighted(products);
    const basket = new Map<string, number>([[first.sku, random() < 0.85 ? 1 : 2]]);
    const extra = weighted([
      [0, 45],
      [1, 35],
      [2, 15],
      [3, 5],
    ] as [number, number][]);
    for (let i = 0; i < extra; i++) {
      const category = random() < 0.6 ? first.categoryId : random() < 0.7 ? companion.get(first.categoryId)! : pick(categories);
      const near = (byCategory.get(category) ?? []).filter(([product]) => product.channels.includes(channel));
      const next = near.length > 0 ? weighted(near) : weighted(products);
      if (!basket.has(next.sku)) basket.set(next.sku, 1);
    }
    const lines = [...basket].map(([sku, quantity]) => ({ sku, quantity }));
    const tender: HistoryTender = channel === 'POS' ? (random() < 0.35 ? 'CASH' : 'CARD_EXTERNAL') : 'TEST_CARD';
    const canReturn = world.storeIds.length > 0 && at.getTime() + 3 * DAY_MS < options.until.getTime() - DAY_MS;
    const returned =
      canReturn && random() < RETURN_RATE
        ? {
            lineIndex: Math.floor(random() * lines.length),
            storeId: storeId ?? pick(world.storeIds),
            afterMs: (2 + random() * 10) * DAY_MS,
          }
        : null;
    if (returned && at.getTime() + returned.afterMs >= options.until.getTime() - DAY_MS) returned.afterMs = DAY_MS;
    orders.push({ at, channel, customerId, storeId, staffId, method, tender, lines, returned });
  }
  return orders.sort((a, b) => a.at.getTime() - b.at.getTime());
}
