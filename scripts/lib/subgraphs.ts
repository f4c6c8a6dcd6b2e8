import type { MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphInfo } from '#platform/server';
import { buildCustomersSchema } from '../../subgraphs/customers/src/schema';
import { migrations as customersMigrations } from '../../subgraphs/customers/src/migrations';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { buildInventorySchema } from '../../subgraphs/inventory/src/schema';
import { migrations as inventoryMigrations } from '../../subgraphs/inventory/src/migrations';
import { inventorySubgraph } from '../../subgraphs/inventory/src/subgraph';
import { buildOrdersSchema } from '../../subgraphs/orders/src/schema';
import { migrations as ordersMigrations } from '../../subgraphs/orders/src/migrations';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { buildProductsSchema } from '../../subgraphs/products/src/schema';
import { migrations as productsMigrations } from '../../subgraphs/products/src/migrations';
import { productsSubgraph } from '../../subgraphs/products/src/subgraph';
import { buildPromotionsSchema } from '../../subgraphs/promotions/src/schema';
import { migrations as promotionsMigrations } from '../../subgraphs/promotions/src/migrations';
import { promotionsSubgraph } from '../../subgraphs/promotions/src/subgraph';

export interface SubgraphModule extends SubgraphInfo {
  /** Applied in this order by `npm run migrate` (and start, seed, the tests' template). */
  migrations: readonly MigrationObject[];
  buildSchema(): Promise<GraphQLSchema>;
}

const withSchema = (info: SubgraphInfo, migrations: readonly MigrationObject[], build: () => Promise<GraphQLSchema>): SubgraphModule => ({
  ...info,
  migrations,
  buildSchema: build,
});

/** Every subgraph, in the order they start. */
export const subgraphs: SubgraphModule[] = [
  withSchema(productsSubgraph, productsMigrations, buildProductsSchema),
  withSchema(inventorySubgraph, inventoryMigrations, buildInventorySchema),
  withSchema(ordersSubgraph, ordersMigrations, buildOrdersSchema),
  withSchema(customersSubgraph, customersMigrations, buildCustomersSchema),
  withSchema(promotionsSubgraph, promotionsMigrations, buildPromotionsSchema),
];

export function findSubgraph(name: string): SubgraphModule {
  const found = subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; expected one of ${subgraphs.map((s) => s.name).join(', ')}`);
  return found;
}
