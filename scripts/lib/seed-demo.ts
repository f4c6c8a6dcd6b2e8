import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrencyCode } from '#platform/graphql';
import { openDatabase } from '#platform/db';
import { seedDemoPeople } from '../../subgraphs/customers/src/seed/seed-demo-people';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { seedDemoTaxesAndShipping } from '../../subgraphs/orders/src/seed/seed-demo-taxes';
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
import type { SubgraphModule } from './subgraphs';

type Info = Pick<SubgraphModule, 'name' | 'entities' | 'migrations'>;

/** The demo catalog's category (a handle in demo-catalog.ts) that the demo's automatic offer takes 15% off. */
const PROMOTED_CATEGORY_HANDLE = 'helmets';

/** Runs `work` with a short-lived ORM of one subgraph's schema. */
export async function withOrm<T>(info: Info, sharedUrl: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const orm = await openDatabase({
    schema: info.name,
    clientUrl: databaseUrlFor(info.name, sharedUrl),
    entities: [...info.entities],
    migrations: [...info.migrations],
    poolMax: 2,
  });
  try {
    return await work(orm.em.fork());
  } finally {
    await orm.close();
  }
}

/**
 * Seeds the demo business into every subgraph that is still empty. Each subgraph is seeded
 * through its own schema; inventory learns the SKUs from the demo catalog's data, not by
 * reading the products schema. Promotions is handed the ids it names: the promoted category,
 * read from the products schema, and the demo customer the customers seed created.
 */
export async function seedDemoBusiness(
  sharedUrl: string,
  currency: CurrencyCode,
  log: (line: string) => void = console.log,
): Promise<void> {
  const catalog = await withOrm(productsSubgraph, sharedUrl, (em) => seedDemoCatalog(em, currency));
  log(
    catalog
      ? `products: seeded ${catalog.categories} categories, ${catalog.products} products, ${catalog.variants} variants`
      : 'products: catalog already has products; demo catalog not seeded',
  );
  const stock = await withOrm(inventorySubgraph, sharedUrl, (em) => seedDemoStock(em, demoSkus()));
  log(
    stock
      ? `inventory: seeded ${stock.locations} locations, ${stock.levels} stock levels`
      : 'inventory: locations exist; demo stock not seeded',
  );
  const stores = await withOrm(inventorySubgraph, sharedUrl, (em) =>
    em.find(Location, { type: 'STORE' as never }, { orderBy: { name: 'asc' } }),
  );
  const taxes = await withOrm(ordersSubgraph, sharedUrl, (em) => seedDemoTaxesAndShipping(em));
  log(
    taxes
      ? `orders: seeded ${taxes.rates} tax rates (DE, AT, FR, NL) and ${taxes.zones} shipping zones`
      : 'orders: tax rates exist; demo taxes and shipping not seeded',
  );
  const people = await withOrm(customersSubgraph, sharedUrl, (em) => seedDemoPeople(em, { locationIds: stores.map((l) => l.id) }));
  log(people ? 'customers: seeded an admin, a store staff member and a demo customer' : 'customers: staff exist; demo people not seeded');
  const category = await withOrm(productsSubgraph, sharedUrl, (em) => em.findOne(Category, { handle: PROMOTED_CATEGORY_HANDLE }));
  const promotions = await withOrm(promotionsSubgraph, sharedUrl, (em) =>
    seedDemoPromotions(em, { currency, categoryId: category?.id ?? null, customerId: people?.customerId ?? null }),
  );
  if (!promotions) {
    log('promotions: discounts exist; demo promotions not seeded');
    return;
  }
  const { offers, giftCard, storeCredit, points } = promotions;
  log(
    `promotions: seeded ${offers.length} offers (${offers.join('; ')})` +
      (giftCard && people
        ? `; for ${people.emails.customer}: gift card ${giftCard.code} (${giftCard.value} ${currency}), ${storeCredit} ${currency} store credit, ${points} loyalty points`
        : '; no demo customer to give balances to'),
  );
}
