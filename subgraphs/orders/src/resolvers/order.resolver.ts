import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../context';
import { Order } from '../entities';
import { findOrder } from '../services/order-query.service';

@Resolver()
export class OrderResolver {
  @Query(() => Order, { nullable: true })
  order(@Ctx() ctx: OrdersContext, @Arg('id', () => ID) id: string): Promise<Order | null> {
    return findOrder(ctx, id);
  }
}
