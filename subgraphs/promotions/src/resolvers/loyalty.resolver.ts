import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES, Role, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { LoyaltyAccount } from '../entities';
import { LoyaltyProgramUpdateInput } from '../inputs/loyalty-program.input';
import { LoyaltyPointsAdjustInput, LoyaltyPointsEarnInput, LoyaltyPointsRedeemInput } from '../inputs/loyalty.input';
import {
  LoyaltyPointsAdjustPayload,
  LoyaltyPointsEarnPayload,
  LoyaltyPointsRedeemPayload,
  LoyaltyProgramUpdatePayload,
} from '../payloads/loyalty.payloads';
import { loyaltyProgramSettings, loyaltyTier, pointsEarnedForOrder, pointsEarnedLastYear } from '../services/loyalty-query.service';
import { updateLoyaltyProgram } from '../services/loyalty-program.service';
import { adjustPoints, earnPoints, redeemPoints } from '../services/loyalty.service';
import { LoyaltyProgramView, LoyaltyTier } from '../types/loyalty.types';

@Resolver(() => LoyaltyAccount)
export class LoyaltyResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => LoyaltyProgramView, { description: "The loyalty programme's settings: earning rates, point value and tiers." })
  loyaltyProgram(@Ctx() ctx: PromotionsContext): Promise<LoyaltyProgramView> {
    return loyaltyProgramSettings(ctx);
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Query(() => Int, { nullable: true, description: 'The points a paid order earned; null until credited, or when it earned none.' })
  loyaltyPointsEarnedForOrder(
    @Ctx() ctx: PromotionsContext,
    @Arg('orderId', () => ID, { description: 'The order (database id).' }) orderId: string,
  ): Promise<number | null> {
    return pointsEarnedForOrder(ctx, orderId);
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => LoyaltyProgramUpdatePayload, {
    description: 'Changes earning rates, the value of a point and the tiers; points already earned stay as they are.',
  })
  async loyaltyProgramUpdate(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => LoyaltyProgramUpdateInput, { description: "The programme's new settings, from the next purchase on." })
    input: LoyaltyProgramUpdateInput,
  ) {
    return toPayload(await updateLoyaltyProgram(ctx, input), (loyaltyProgram) => ({ loyaltyProgram }));
  }

  @FieldResolver(() => LoyaltyTier, { description: 'Set by the points earned in the last 365 days.' })
  tier(@Root() account: LoyaltyAccount, @Ctx() ctx: PromotionsContext): Promise<LoyaltyTier> {
    return loyaltyTier(ctx, account);
  }

  @FieldResolver(() => Int, { description: 'Points earned in the last 365 days, which set the tier.' })
  pointsEarnedLastYear(@Root() account: LoyaltyAccount, @Ctx() ctx: PromotionsContext): Promise<number> {
    return pointsEarnedLastYear(ctx, account);
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => LoyaltyPointsAdjustPayload, { description: "Adds or takes away a customer's points by hand; idempotent under the key." })
  async loyaltyPointsAdjust(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => LoyaltyPointsAdjustInput, { description: 'Customer, points (signed) and reason.' }) input: LoyaltyPointsAdjustInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: 'Makes a retry safe: the same key and input answer the first result.',
    })
    idempotencyKey?: string | null,
  ) {
    return toPayload(await adjustPoints(ctx, input, idempotencyKey), (change) => change);
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => LoyaltyPointsEarnPayload, { description: 'Awards points for a purchase; idempotent under the key.' })
  async loyaltyPointsEarn(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => LoyaltyPointsEarnInput) input: LoyaltyPointsEarnInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ) {
    return toPayload(await earnPoints(ctx, input, idempotencyKey), (change) => change);
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => LoyaltyPointsRedeemPayload, { description: 'Spends points at checkout; never below zero, idempotent under the key.' })
  async loyaltyPointsRedeem(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => LoyaltyPointsRedeemInput) input: LoyaltyPointsRedeemInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ) {
    return toPayload(await redeemPoints(ctx, input, idempotencyKey), (change) => change);
  }
}
