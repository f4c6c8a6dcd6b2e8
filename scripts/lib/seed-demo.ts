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
import { seedOrderHistory } from './seed-history';
import { withOrm } from './with-orm';

/** The demo catalog's category (a handle in demo-catalog.ts) that the demo's automatic offer takes 15% off. */
const PROMOTED_CATEGORY_HANDLE = 'helmets';

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
  if (hasOrders) return log('orders: orders exist; no order history seeded');
  const history = await seedOrderHistory(sharedUrl, currency, options.orderHistory);
  log(
    history
      ? `orders: seeded ${history.orders} orders of history (${history.returns} with a return) for ${history.shoppers} shoppers`
      : 'orders: nothing to sell or no stores; no order history seeded',
  );
}
