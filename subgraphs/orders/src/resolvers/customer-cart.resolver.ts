import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../context';
import { Cart } from '../entities';
import { activeCartOf } from '../services/cart-query.service';
import { CustomerCarts } from '../types/references.types';

/** The cart that follows a customer across devices and channels. */
@Resolver(() => CustomerCarts)
export class CustomerCartResolver {
  @FieldResolver(() => Cart, {
    nullable: true,
    description: 'The open cart; null when there is none or the caller is not the customer or staff.',
  })
  activeCart(@Root() customer: CustomerCarts, @Ctx() ctx: OrdersContext): Promise<Cart | null> {
    return activeCartOf(ctx, customer.id);
  }
}
