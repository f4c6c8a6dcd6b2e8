import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SalesChannel } from '../../../platform/src';
import type { PromotionsContext } from '../context';
import { Discount, DiscountStatus } from '../entities';
import { activePromotions, discountStatus, findDiscount } from '../services/discount-query.service';

@Resolver(() => Discount)
export class DiscountResolver {
  @Query(() => Discount, { nullable: true })
  discount(@Ctx() ctx: PromotionsContext, @Arg('id', () => ID) id: string): Promise<Discount | null> {
    return findDiscount(ctx, id);
  }

  @Query(() => [Discount], { description: 'What is live on a channel now: the same offers on web, app, POS and kiosk.' })
  activePromotions(@Ctx() ctx: PromotionsContext, @Arg('channel', () => SalesChannel) channel: SalesChannel): Promise<Discount[]> {
    return activePromotions(ctx, channel);
  }

  @FieldResolver(() => DiscountStatus)
  status(@Root() discount: Discount): DiscountStatus {
    return discountStatus(discount);
  }
}
