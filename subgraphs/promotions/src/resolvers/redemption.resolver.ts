import { Arg, Authorized, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { DiscountRedemptionReserveInput } from '../inputs/redemption.input';
import { DiscountRedemptionPayload } from '../payloads/discount.payloads';
import { commitRedemptions, releaseRedemptions, reserveRedemptions, returnRedemptions } from '../services/redemption.service';

/** Internal commands for checkout; @inaccessible, so never part of the public API. */
@Resolver()
export class RedemptionResolver {
  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => DiscountRedemptionPayload, {
    description: 'Holds a use of each discount for an order; all or none, idempotent under the key.',
  })
  async discountRedemptionReserve(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => DiscountRedemptionReserveInput) input: DiscountRedemptionReserveInput,
  ) {
    return toPayload(await reserveRedemptions(ctx, input), (redemptions) => ({ redemptions }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => DiscountRedemptionPayload, { description: 'Makes the uses held under a key final (the order was placed).' })
  async discountRedemptionCommit(@Ctx() ctx: PromotionsContext, @Arg('key', () => String) key: string) {
    return toPayload(await commitRedemptions(ctx, key), (redemptions) => ({ redemptions }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => DiscountRedemptionPayload, { description: 'Gives the uses held under a key back (the checkout failed).' })
  async discountRedemptionRelease(@Ctx() ctx: PromotionsContext, @Arg('key', () => String) key: string) {
    return toPayload(await releaseRedemptions(ctx, key), (redemptions) => ({ redemptions }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => DiscountRedemptionPayload, {
    description: 'Gives back the uses of a cancelled order, held or committed, under its key; twice is harmless.',
  })
  async discountRedemptionReturn(@Ctx() ctx: PromotionsContext, @Arg('key', () => String) key: string) {
    return toPayload(await returnRedemptions(ctx, key), (redemptions) => ({ redemptions }));
  }
}
