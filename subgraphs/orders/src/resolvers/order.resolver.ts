import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../context';
import { Order } from '../entities';
import { findOrder } from '../services/order-query.service';

@Resolver()
export class OrderResolver {
  @Query(() => Order, {
    nullable: true,
    description: 'An order by id: staff, its customer, or (for a guest order) whoever holds the id; null otherwise.',
  })
  order(@Ctx() ctx: OrdersContext, @Arg('id', () => ID, { description: "The order's id." }) id: string): Promise<Order | null> {
    return findOrder(ctx, id);
  }
}
