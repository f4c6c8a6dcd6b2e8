import { withAdminClient } from '#platform/db';
import type { CurrencyCode } from '#platform/graphql';
import { seedDemoPeople } from '../../subgraphs/customers/src/seed/seed-demo-people';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { seedDemoTaxesAndShipping } from '../../subgraphs/orders/src/seed/seed-demo-taxes';
import { Order } from '../../subgraphs/orders/src/entities';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { Location } from '../../subgraphs/inventory/src/entities';
import { seedDemoStock } from '../../subgraphs/inventory/src/seed/seed-demo-stock';
import { inventorySubgraph } from '../../subgraphs/inventory/src/subgraph';
import { Category } from '../../subgraphs/products/src/entities';
import { demoSkus, seedDemoCatalog } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { productsSubgraph } from '../../subgraphs/products/src/subgraph';
import { seedDemoPromotions } from '../../subgraphs/promotions/src/seed/seed-demo-promotions';
import { promotionsSubgraph } from '../../subgraphs/promotions/src/subgraph';
import { databaseUrlFor } from './migrate-all';
import { seedOrderHistory } from './seed-history';
import { withOrm } from './with-orm';

/** The demo catalog's category (a handle in demo-catalog.ts) that the demo's automatic offer takes 15% off. */
const PROMOTED_CATEGORY_HANDLE = 'helmets';

/**
 * Per subgraph, the table whose rows mean its demo data is there (what its seed checks before it
 * writes anything), and what is said when it is.
 */
const SEEDED_WHEN = [
  { schema: 'products', table: 'product', there: 'products: catalog already has products; demo catalog not seeded' },
  { schema: 'inventory', table: 'location', there: 'inventory: locations exist; demo stock not seeded' },
  { schema: 'orders', table: 'tax_rate', there: 'orders: tax rates exist; demo taxes and shipping not seeded' },
  { schema: 'customers', table: 'staff_member', there: 'customers: staff exist; demo people not seeded' },
  { schema: 'promotions', table: 'discount', there: 'promotions: discounts exist; demo promotions not seeded' },
] as const;
const HISTORY_THERE = { schema: 'orders', table: 'order', there: 'orders: orders exist; no order history seeded' } as const;

/** What must be there for nothing to be seeded: every subgraph's demo data, and orders when history is asked for. */
const seededWhen = (options: { orderHistory?: number }) => (options.orderHistory ? [...SEEDED_WHEN, HISTORY_THERE] : SEEDED_WHEN);

/**
 * Whether every subgraph holds its demo data already (and orders, with `orderHistory`): one
 * plain statement per database. A start that finds the shop there (every start after the first)
 * then opens no ORM at all, where the seed's own checks open eight while the subgraph processes
 * load their modules on the same cores.
 */
export async function demoBusinessThere(sharedUrl: string, options: { orderHistory?: number } = {}): Promise<boolean> {
  const byDatabase = new Map<string, string[]>();
  for (const { schema, table } of seededWhen(options)) {
    const url = databaseUrlFor(schema, sharedUrl);
    byDatabase.set(url, [...(byDatabase.get(url) ?? []), `exists (select 1 from "${schema}"."${table}")`]);
  }
  for (const [url, conditions] of byDatabase) {
    const { rows } = await withAdminClient(url, (client) =>
      client.query<{ there: boolean }>(`select ${conditions.join(' and ')} as there`),
    );
    if (!rows[0].there) return false;
  }
  return true;
}

/**
 * Seeds the demo business into every subgraph that is still empty. Each subgraph is seeded
 * through its own schema; inventory learns the SKUs from the demo catalog's data, not by
 * reading the products schema. Promotions is handed the ids it names: the promoted category,
 * read from the products schema, and the demo customer the customers seed created. With
 * `orderHistory`, a shop that has no orders yet also gets that many orders of history.
 */
export async function seedDemoBusiness(
  sharedUrl: string,
  currency: CurrencyCode,
  log: (line: string) => void = console.log,
  options: { orderHistory?: number } = {},
): Promise<void> {
  if (await demoBusinessThere(sharedUrl, options)) {
    for (const { there } of seededWhen(options)) log(there);
    return;
  }
  const catalog = await withOrm(productsSubgraph, sharedUrl, (em) => seedDemoCatalog(em, currency));
  log(
    catalog
      ? `products: seeded ${catalog.categories} categories, ${catalog.products} products, ${catalog.variants} variants`
      : SEEDED_WHEN[0].there,
  );
  const stock = await withOrm(inventorySubgraph, sharedUrl, (em) => seedDemoStock(em, demoSkus()));
  log(stock ? `inventory: seeded ${stock.locations} locations, ${stock.levels} stock levels` : SEEDED_WHEN[1].there);
  const stores = await withOrm(inventorySubgraph, sharedUrl, (em) =>
    em.find(Location, { type: 'STORE' as never }, { orderBy: { name: 'asc' } }),
  );
  const taxes = await withOrm(ordersSubgraph, sharedUrl, (em) => seedDemoTaxesAndShipping(em));
  log(taxes ? `orders: seeded ${taxes.rates} tax rates (DE, AT, FR, NL) and ${taxes.zones} shipping zones` : SEEDED_WHEN[2].there);
  const people = await withOrm(customersSubgraph, sharedUrl, (em) => seedDemoPeople(em, { locationIds: stores.map((l) => l.id) }));
  log(people ? 'customers: seeded an admin, a store staff member and a demo customer' : SEEDED_WHEN[3].there);
  const category = await withOrm(productsSubgraph, sharedUrl, (em) => em.findOne(Category, { handle: PROMOTED_CATEGORY_HANDLE }));
  const promotions = await withOrm(promotionsSubgraph, sharedUrl, (em) =>
    seedDemoPromotions(em, { currency, categoryId: category?.id ?? null, customerId: people?.customerId ?? null }),
  );
  if (!promotions) {
    log(SEEDED_WHEN[4].there);
  } else {
    const { offers, giftCard, storeCredit, points } = promotions;
    log(
      `promotions: seeded ${offers.length} offers (${offers.join('; ')})` +
        (giftCard && people
          ? `; for ${people.emails.customer}: gift card ${giftCard.code} (${giftCard.value} ${currency}), ${storeCredit} ${currency} store credit, ${points} loyalty points`
          : '; no demo customer to give balances to'),
    );
  }
  if (!options.orderHistory) return;
  const hasOrders = await withOrm(ordersSubgraph, sharedUrl, async (em) => (await em.count(Order, {})) > 0);
  if (hasOrders) return log(HISTORY_THERE.there);
  const history = await seedOrderHistory(sharedUrl, currency, options.orderHistory);
  log(
    history
      ? `orders: seeded ${history.orders} orders of history (${history.returns} with a return) for ${history.shoppers} shoppers`
      : 'orders: nothing to sell or no stores; no order history seeded',
  );
}
