import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { Money, toPayload, type CurrencyCode } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { GiftCard } from '../entities';
import { GiftCardCreateInput } from '../inputs/gift-card.input';
import { GiftCardCreatePayload, GiftCardDisablePayload } from '../payloads/balance.payloads';
import { giftCardBalance } from '../services/gift-card-balance.service';
import { createGiftCard, disableGiftCard } from '../services/gift-card.service';

@Resolver(() => GiftCard)
export class GiftCardResolver {
  @Query(() => Money, {
    nullable: true,
    description: "A gift card's balance by code; null for unknown, disabled or expired cards. Rate-limited per caller.",
  })
  giftCardBalance(
    @Ctx() ctx: PromotionsContext,
    @Arg('code', () => String, { description: "The gift card's code, XXXX-XXXX-XXXX-XXXX (any case, dashes optional)." }) code: string,
  ): Promise<Money | null> {
    return giftCardBalance(ctx, code);
  }

  @FieldResolver(() => Money, { description: 'What is left to spend.' })
  balance(@Root() card: GiftCard): Money {
    return Money.fromMinor(card.balance, card.currencyCode as CurrencyCode);
  }

  @FieldResolver(() => Money, { description: 'What it was issued with.' })
  initialValue(@Root() card: GiftCard): Money {
    return Money.fromMinor(card.initialValue, card.currencyCode as CurrencyCode);
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => GiftCardCreatePayload, { description: 'Issues a gift card; its code is in this payload only and is never shown again.' })
  async giftCardCreate(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => GiftCardCreateInput, { description: 'Value, expiry, owner and note.' }) input: GiftCardCreateInput,
  ) {
    return toPayload(await createGiftCard(ctx, input), ({ giftCard, code }) => ({ giftCard, giftCardCode: code }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => GiftCardDisablePayload, { description: 'Stops a gift card from being used; its balance and history stay.' })
  async giftCardDisable(@Ctx() ctx: PromotionsContext, @Arg('id', () => ID, { description: 'The gift card to disable.' }) id: string) {
    return toPayload(await disableGiftCard(ctx, id), (giftCard) => ({ giftCard }));
  }
}
