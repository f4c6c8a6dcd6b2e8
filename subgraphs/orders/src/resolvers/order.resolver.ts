import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../context';
import { Cart, Order } from '../entities';
import { findCart, findOrder } from '../services/order-query.service';

@Resolver()
export class OrderResolver {
  @Query(() => Order, { nullable: true })
  order(@Ctx() ctx: OrdersContext, @Arg('id', () => ID) id: string): Promise<Order | null> {
    return findOrder(ctx, id);
  }

  @Query(() => Cart, { nullable: true, description: 'A cart by id, from any device or channel.' })
  cart(@Ctx() ctx: OrdersContext, @Arg('id', () => ID) id: string): Promise<Cart | null> {
    return findCart(ctx, id);
  }
}
