import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '#platform/graphql';
import { ordersUserErrorCodes } from './errors';
import type { OrdersContext } from './context';
import { CartRecoveryResolver } from './resolvers/cart-recovery.resolver';
import { CartResolver } from './resolvers/cart.resolver';
import { CustomerCartResolver } from './resolvers/customer-cart.resolver';
import { OrderResolver } from './resolvers/order.resolver';
import { OrderFieldsResolver } from './resolvers/order-fields.resolver';
import { CheckoutResolver } from './resolvers/checkout.resolver';
import { OrderCancelResolver } from './resolvers/order-cancel.resolver';
import { CustomerOrdersResolver } from './resolvers/customer-orders.resolver';
import { references } from './resolvers/references';
import { ShopConfigResolver } from './resolvers/shop-config.resolver';
import { FulfillmentResolver } from './resolvers/fulfillment.resolver';
import { PosResolver } from './resolvers/pos.resolver';
import { OrderReturnsResolver, RefundReturnResolver, ReturnExchangeResolver, ReturnsResolver } from './resolvers/returns.resolver';
import { CustomerRecommendationsResolver, ProductInsightsResolver, ReportsResolver } from './resolvers/reports.resolver';

/** The orders subgraph schema. */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema<OrdersContext>({
    resolvers: [
      OrderResolver,
      CartResolver,
      CartRecoveryResolver,
      CustomerCartResolver,
      OrderFieldsResolver,
      CheckoutResolver,
      OrderCancelResolver,
      CustomerOrdersResolver,
      ShopConfigResolver,
      FulfillmentResolver,
      PosResolver,
      ReturnsResolver,
      OrderReturnsResolver,
      ReturnExchangeResolver,
      RefundReturnResolver,
      ReportsResolver,
      ProductInsightsResolver,
      CustomerRecommendationsResolver,
    ],
    references,
    userErrorCodes: ordersUserErrorCodes,
  });
}
