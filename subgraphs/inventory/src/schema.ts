import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '#platform/graphql';
import { inventoryUserErrorCodes } from './errors';
import type { InventoryContext } from './context';
// Import order is the order type-graphql registers types in, and so the order of the printed SDL.
import { InventoryLevelResolver, StockMovementResolver } from './resolvers/inventory-level.resolver';
import { LocationResolver } from './resolvers/location.resolver';
import { references } from './resolvers/references';
import { clientIdResolvers } from './resolvers/client-ids.resolver';
import { InventoryItemResolver } from './resolvers/inventory-item.resolver';
import { PurchaseOrderResolver } from './resolvers/purchase-order.resolver';
import { ReplenishmentResolver } from './resolvers/replenishment.resolver';
import { InventoryTransferResolver } from './resolvers/transfer.resolver';
import { ReservationResolver } from './resolvers/reservation.resolver';
import { ProductStockResolver, VariantStockResolver } from './resolvers/variant-stock.resolver';
import { AvailabilityResolver } from './resolvers/availability.resolver';
import { ReturnRecordResolver } from './resolvers/return-record.resolver';
import { LowStockAlertResolver, StockChangeResolver } from './resolvers/live-stock.resolver';
import { ProductStock, VariantStock } from './types/stock.types';

/** The inventory subgraph schema. */
export function buildInventorySchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema<InventoryContext>({
    resolvers: [
      LocationResolver,
      InventoryLevelResolver,
      StockMovementResolver,
      ReservationResolver,
      VariantStockResolver,
      ProductStockResolver,
      InventoryTransferResolver,
      PurchaseOrderResolver,
      ReplenishmentResolver,
      InventoryItemResolver,
      ...clientIdResolvers,
      AvailabilityResolver,
      ReturnRecordResolver,
      StockChangeResolver,
      LowStockAlertResolver,
    ],
    // Reached only through federation, so not from any query: name them.
    orphanedTypes: [VariantStock, ProductStock],
    references,
    userErrorCodes: inventoryUserErrorCodes,
  });
}
