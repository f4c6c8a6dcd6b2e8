import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { ConnectionArgs, toPayload } from '#platform/graphql';
import type { OrdersContext } from '../context';
import type { Cart } from '../entities';
import { CartRecoverPayload, CartRecoverySendPayload } from '../payloads/cart.payloads';
import { abandonedCarts, recoverCart, sendCartRecovery } from '../services/cart-recovery.service';
import { CartConnection } from '../types/cart.types';

const withCart = (cart: Cart) => ({ cart });

/** Abandoned carts, and the link that brings a shopper back to theirs. */
@Resolver()
export class CartRecoveryResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => CartConnection, {
    description:
      'Open carts of a customer or an email, with lines, unchanged for CART_ABANDONED_AFTER minutes; longest left first (staff).',
  })
  abandonedCarts(@Ctx() ctx: OrdersContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return abandonedCarts(ctx, args);
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => CartRecoverySendPayload, {
    description:
      "Mails the shopper a link that reopens the cart on any device, and records CART_ABANDONED on the customer's timeline (staff).",
  })
  async cartRecoverySend(@Ctx() ctx: OrdersContext, @Arg('cartId', () => ID, { description: 'The abandoned cart.' }) cartId: string) {
    return toPayload(await sendCartRecovery(ctx, cartId), withCart);
  }

  @Mutation(() => CartRecoverPayload, {
    description: "Opens the cart a recovery link's token names; a customer's cart then needs them signed in to change it.",
  })
  async cartRecover(
    @Ctx() ctx: OrdersContext,
    @Arg('token', () => String, { description: 'The token from the recovery link.' }) token: string,
  ) {
    return toPayload(await recoverCart(ctx, token), withCart);
  }
}
