import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { OrdersContext } from '../context';
import { CheckoutCompleteInput } from '../inputs/checkout.input';
import { CheckoutCompletePayload } from '../payloads/checkout.payloads';
import { completeCartCheckout } from '../services/checkout.service';

@Resolver()
export class CheckoutResolver {
  @Mutation(() => CheckoutCompletePayload, {
    description:
      'Turns the cart into a paid order: one order per cart, whichever tab asks; the same key replays the first answer. On a userError nothing is held, debited or authorized and the cart is as it was.',
  })
  async checkoutComplete(
    @Ctx() ctx: OrdersContext,
    @Arg('cartId', () => ID, { description: 'The cart to order.' }) cartId: string,
    @Arg('input', () => CheckoutCompleteInput, { description: 'Payments, email and the total the shopper saw.' })
    input: CheckoutCompleteInput,
    @Arg('idempotencyKey', () => String, {
      description: 'Required: one key per attempt to pay; a retry with the same key answers the same order.',
    })
    idempotencyKey: string,
  ) {
    return completeCartCheckout(ctx, cartId, input, idempotencyKey);
  }
}
