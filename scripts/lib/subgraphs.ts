import type { GraphQLSchema } from 'graphql';
import type { SubgraphInfo } from '#platform/server';
import { buildCustomersSchema } from '../../subgraphs/customers/src/schema';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { buildInventorySchema } from '../../subgraphs/inventory/src/schema';
import { inventorySubgraph } from '../../subgraphs/inventory/src/subgraph';
import { buildOrdersSchema } from '../../subgraphs/orders/src/schema';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { buildProductsSchema } from '../../subgraphs/products/src/schema';
import { productsSubgraph } from '../../subgraphs/products/src/subgraph';
import { buildPromotionsSchema } from '../../subgraphs/promotions/src/schema';
import { promotionsSubgraph } from '../../subgraphs/promotions/src/subgraph';

export interface SubgraphModule extends SubgraphInfo {
  buildSchema(): Promise<GraphQLSchema>;
}

const withSchema = (info: SubgraphInfo, build: () => Promise<GraphQLSchema>): SubgraphModule => ({ ...info, buildSchema: build });

/** Every subgraph, in the order they start. */
export const subgraphs: SubgraphModule[] = [
  withSchema(productsSubgraph, buildProductsSchema),
  withSchema(inventorySubgraph, buildInventorySchema),
  withSchema(ordersSubgraph, buildOrdersSchema),
  withSchema(customersSubgraph, buildCustomersSchema),
  withSchema(promotionsSubgraph, buildPromotionsSchema),
];

export function findSubgraph(name: string): SubgraphModule {
  const found = subgraphs.find((s) => s.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; expected one of ${subgraphs.map((s) => s.name).join(', ')}`);
  return found;
}
