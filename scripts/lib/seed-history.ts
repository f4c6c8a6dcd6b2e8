/**
 * `npm run seed -- --orders N` and the demo shop's first start: an order history over the last
 * days, written into the orders schema (subgraphs/orders/src/seed/), with the catalog read from
 * the products schema, the stores and a warehouse from inventory, and staff and customers from
 * customers (generated shoppers added when there are too few). Each subgraph's schema is read
 * with its own short-lived ORM, as the demo seed does.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import type { CurrencyCode } from '#platform/graphql';
import { seededRandom } from '#platform/runtime';
import { Customer } from '../../subgraphs/customers/src/entities';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { inventorySubgraph } from '../../subgraphs/inventory/src/subgraph';
import type { CatalogRow } from '../../subgraphs/orders/src/cart-pricing';
import { planOrderHistory, type HistoryWorld } from '../../subgraphs/orders/src/seed/history-plan';
import { writeOrderHistory } from '../../subgraphs/orders/src/seed/write-history';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { productsSubgraph } from '../../subgraphs/products/src/subgraph';
import { withOrm } from './with-orm';

/** Days of history the orders are spread over. */
const HISTORY_DAYS = 120;
/** Shoppers per order the history wants at least (regulars come back). */
const ORDERS_PER_SHOPPER = 6;
const FIRST_NAMES = ['Ada', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannah', 'Jonas', 'Lena', 'Mia', 'Noah', 'Paul', 'Sophie'];
const LAST_NAMES = ['Becker', 'Fischer', 'Hoffmann', 'Koch', 'Meyer', 'Müller', 'Schäfer', 'Schmidt', 'Schulz', 'Wagner', 'Weber'];

export interface HistoryResult {
  orders: number;
  returns: number;
  shoppers: number;
}

/**
 * Writes `count` orders of history (deterministic for `seed`); returns what it wrote. Does
 * nothing (null) when the shop has no sellable products, no stores, or no warehouse to ship from.
 */
export async function seedOrderHistory(
  sharedUrl: string,
  currency: CurrencyCode,
  count: number,
  options: { seed?: number; onProgress?: (written: number) => void } = {},
): Promise<HistoryResult | null> {
  const catalog = await withOrm(productsSubgraph, sharedUrl, readCatalog);
  const locations = await withOrm(inventorySubgraph, sharedUrl, (em) =>
    sql<{ id: string; type: string }>(em, `select id, type from "inventory"."location" order by name, id`),
  );
  const storeIds = locations.filter((l) => l.type === 'STORE').map((l) => l.id);
  const shipFrom = locations.find((l) => l.type !== 'STORE') ?? locations[0];
  if (catalog.size === 0 || storeIds.length === 0 || !shipFrom) return null;
  const people = await withOrm(customersSubgraph, sharedUrl, (em) =>
    readPeople(em, Math.ceil(count / ORDERS_PER_SHOPPER), options.seed ?? 1),
  );
  const world: HistoryWorld = {
    products: [...catalog.values()].map((row) => ({
      sku: row.sku,
      productId: row.productId,
      categoryId: row.categoryIds[0] ?? null,
      channels: row.channels,
    })),
    storeIds,
    staffByStore: people.staffByStore,
    customerIds: people.customerIds,
  };
  const plan = planOrderHistory(world, count, { days: HISTORY_DAYS, until: new Date(), seed: options.seed ?? 1 });
  const written = await withOrm(ordersSubgraph, sharedUrl, (em) =>
    writeOrderHistory(em, plan, catalog, {
      currencyCode: currency,
      pricesIncludeTax: true,
      shopCountryCode: 'DE',
      shipFromLocationId: shipFrom.id,
      onProgress: options.onProgress,
    }),
  );
  return { ...written, shoppers: people.customerIds.length };
}

type SeedCatalogRow = CatalogRow & { channels: string[] };

/** Every variant of an ACTIVE product on some channel, as pricing reads it, with its category and that category's ancestors. */
async function readCatalog(em: EntityManager): Promise<Map<string, SeedCatalogRow>> {
  const [rows, categories] = await Promise.all([
    sql<{
      sku: string;
      variant_id: string;
      product_id: string;
      product_title: string;
      variant_title: string;
      category_id: string | null;
      tax_class: CatalogRow['taxClass'];
      channels: string[];
      price_amount: string;
      compare_at_amount: string | null;
    }>(
      em,
      `select v.sku, v.id as variant_id, p.id as product_id, p.title as product_title, v.title as variant_title, p.category_id,
              p.tax_class, p.channels, v.price_amount, v.compare_at_amount
         from "products"."product_variant" v join "products"."product" p on p.id = v.product_id
        where p.status = 'ACTIVE' and cardinality(p.channels) > 0 order by v.sku`,
    ),
    sql<{ id: string; parent_id: string | null }>(em, `select id, parent_id from "products"."category"`),
  ]);
  const parent = new Map(categories.map((c) => [c.id, c.parent_id]));
  const lineage = (id: string | null): string[] => {
    const ids: string[] = [];
    for (let at = id; at && !ids.includes(at); at = parent.get(at) ?? null) ids.push(at);
    return ids;
  };
  return new Map(
    rows.map((row) => [
      row.sku,
      {
        sku: row.sku,
        variantId: row.variant_id,
        productId: row.product_id,
        productTitle: row.product_title,
        variantTitle: row.variant_title,
        categoryIds: lineage(row.category_id),
        status: 'ACTIVE',
        sellable: true,
        unitPriceMinor: Number(row.price_amount),
        compareAtMinor: row.compare_at_amount === null ? null : Number(row.compare_at_amount),
        taxClass: row.tax_class,
        channels: row.channels,
      },
    ]),
  );
}

/** Staff by store, and at least `shoppers` customers: those there are, then generated ones. */
async function readPeople(em: EntityManager, shoppers: number, seed: number) {
  const staff = await sql<{ id: string; location_id: string | null }>(
    em,
    `select id, location_id from "customers"."staff_member" where location_id is not null order by id`,
  );
  const staffByStore = new Map<string, string[]>();
  for (const member of staff) staffByStore.set(member.location_id!, [...(staffByStore.get(member.location_id!) ?? []), member.id]);
  const existing = await sql<{ id: string }>(
    em,
    `select id from "customers"."customer" where merged_into_id is null and erased_at is null order by created_at, id limit ?`,
    [shoppers],
  );
  const random = seededRandom(seed);
  const created: Customer[] = [];
  for (let i = existing.length; i < shoppers; i++) {
    const firstName = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
    const lastName = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)];
    const customer = Object.assign(new Customer(), {
      email: `${firstName}.${lastName}.${seed}-${i}@example.com`.toLowerCase().replace('ä', 'ae').replace('ü', 'ue'),
      firstName,
      lastName,
      acceptsMarketing: random() < 0.4,
    });
    em.persist(customer);
    created.push(customer);
  }
  await em.flush();
  return { staffByStore, customerIds: [...existing.map((c) => c.id), ...created.map((c) => c.id)] };
}
