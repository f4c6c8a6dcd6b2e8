import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES } from '#platform/auth';
import { ConnectionArgs, Money, SalesChannel, toPayload, type CurrencyCode } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { Discount, DiscountKind, DiscountStatus } from '../entities';
import { DiscountInput } from '../inputs/discount.input';
import { DiscountCreatePayload, DiscountDeactivatePayload, DiscountUpdatePayload } from '../payloads/discount.payloads';
import { discountStatus } from '../rules/discount-status';
import { visibleCode } from '../rules/discount-visibility';
import { activePromotions, findDiscount, listDiscounts } from '../services/discount-query.service';
import { createDiscount, deactivateDiscount, updateDiscount } from '../services/discount.service';
import { DiscountCombination, DiscountConnection, DiscountTarget } from '../types/discount.types';

@Resolver(() => Discount)
export class DiscountResolver {
  @Query(() => Discount, { nullable: true, description: 'A discount by id (staff); null when none has it.' })
  discount(
    @Ctx() ctx: PromotionsContext,
    @Arg('id', () => ID, { description: "The discount's id." }) id: string,
  ): Promise<Discount | null> {
    return findDiscount(ctx, id);
  }

  @Query(() => [Discount], {
    nullable: 'itemsAndList',
    description:
      'What is live on a channel now: the same offers on web, app, POS and kiosk; null (with an error) while promotions cannot be reached, and the rest of the page stands.',
  })
  activePromotions(
    @Ctx() ctx: PromotionsContext,
    @Arg('channel', () => SalesChannel, { description: 'The channel to list live promotions for.' }) channel: SalesChannel,
  ): Promise<Discount[]> {
    return activePromotions(ctx, channel);
  }

  @Authorized(MANAGER_ROLES)
  @Query(() => DiscountConnection, { description: 'Discounts newest first, optionally of one status.' })
  discounts(
    @Ctx() ctx: PromotionsContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('status', () => DiscountStatus, { nullable: true, description: 'Only discounts with this status.' }) status?: DiscountStatus,
  ) {
    return listDiscounts(ctx, { ...args, status });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The code to enter, as staff wrote it; null for automatic discounts, and for a non-public code unless the caller is staff.',
  })
  code(@Ctx() ctx: PromotionsContext, @Root() discount: Discount): string | null {
    return visibleCode(ctx.viewer, discount);
  }

  @FieldResolver(() => DiscountStatus, { description: 'ACTIVE, SCHEDULED, EXPIRED or DEACTIVATED, as of now.' })
  status(@Root() discount: Discount): DiscountStatus {
    return discountStatus(discount);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Percent off (PERCENTAGE, BUY_X_GET_Y), or the amount off (FIXED_AMOUNT; exact in `amount`).',
  })
  value(@Root() discount: Discount): number | null {
    if (discount.basisPoints !== null) return discount.basisPoints / 100;
    return discount.kind === DiscountKind.FIXED_AMOUNT && discount.amount !== null ? Number(this.amount(discount)?.amount) : null;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The exact amount off (FIXED_AMOUNT) or the shipping cap (FREE_SHIPPING).' })
  amount(@Root() discount: Discount): Money | null {
    return discount.amount === null ? null : Money.fromMinor(discount.amount, discount.currencyCode as CurrencyCode);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The least the items must come to before it applies; null: no minimum.' })
  minimumSubtotal(@Root() discount: Discount): Money | null {
    return discount.minimumSubtotal === null ? null : Money.fromMinor(discount.minimumSubtotal, discount.currencyCode as CurrencyCode);
  }

  @FieldResolver(() => DiscountTarget, { description: 'Which products it applies to.' })
  appliesTo(@Root() discount: Discount): DiscountTarget {
    return { type: discount.targetType, productIds: discount.productIds, categoryIds: discount.categoryIds };
  }

  @FieldResolver(() => DiscountCombination, { description: 'Which classes of discount it may be combined with.' })
  combinesWith(@Root() discount: Discount): DiscountCombination {
    return {
      productDiscounts: discount.combinesWithProduct,
      orderDiscounts: discount.combinesWithOrder,
      shippingDiscounts: discount.combinesWithShipping,
    };
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => DiscountCreatePayload, { description: 'Creates a discount: automatic, or with a code.' })
  async discountCreate(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => DiscountInput, { description: 'The new discount.' }) input: DiscountInput,
  ) {
    return toPayload(await createDiscount(ctx, input), (discount) => ({ discount }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => DiscountUpdatePayload, { description: 'Changes a discount; the result is checked as a whole.' })
  async discountUpdate(
    @Ctx() ctx: PromotionsContext,
    @Arg('id', () => ID, { description: 'The discount to change.' }) id: string,
    @Arg('input', () => DiscountInput, { description: 'The fields to change.' }) input: DiscountInput,
  ) {
    return toPayload(await updateDiscount(ctx, id, input), (discount) => ({ discount }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => DiscountDeactivatePayload, { description: 'Switches a discount off for good.' })
  async discountDeactivate(@Ctx() ctx: PromotionsContext, @Arg('id', () => ID, { description: 'The discount to switch off.' }) id: string) {
    return toPayload(await deactivateDiscount(ctx, id), (discount) => ({ discount }));
  }
}
