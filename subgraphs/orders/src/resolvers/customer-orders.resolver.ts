import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess } from '#platform/auth';
import { ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { OrdersContext } from '../context';
import type { Order } from '../entities';
import { listOrders } from '../services/order-read.service';
import { OrderConnection } from '../types/order.types';
import { CustomerCarts } from '../types/references.types';

/** A customer's orders, newest first: for the customer themselves and staff. */
@Resolver(() => CustomerCarts)
export class CustomerOrdersResolver {
  @FieldResolver(() => OrderConnection, {
    nullable: true,
    description:
      'Orders placed on every channel, newest first (the customer and staff); null (with an error) while orders cannot be reached.',
  })
  orders(
    @Root() customer: CustomerCarts,
    @Ctx() ctx: OrdersContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionShape<Order>> {
    requireCustomerAccess(ctx.viewer, customer.id);
    return listOrders(ctx, args, customer.id);
  }
}
