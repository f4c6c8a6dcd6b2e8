import { Arg, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '#platform/auth';
import { Money, toPayload } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { GiftCardTransaction } from '../entities';
import { GiftCardDebitInput, GiftCardRefundInput } from '../inputs/gift-card.input';
import { GiftCardTransactionPayload } from '../payloads/balance.payloads';
import { debitGiftCard, refundGiftCard } from '../services/gift-card-ledger.service';

/** Internal commands for checkout and returns; @inaccessible, never public. */
@Resolver(() => GiftCardTransaction)
export class GiftCardLedgerResolver {
  @FieldResolver(() => Money, { description: 'The change: negative for a debit, positive for issue and refund.' })
  amount(@Root() transaction: GiftCardTransaction, @Ctx() ctx: PromotionsContext): Money {
    return Money.fromMinor(transaction.amount, ctx.currencyCode);
  }

  @FieldResolver(() => Money)
  balanceAfter(@Root() transaction: GiftCardTransaction, @Ctx() ctx: PromotionsContext): Money {
    return Money.fromMinor(transaction.balanceAfter, ctx.currencyCode);
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => GiftCardTransactionPayload, {
    description: 'Spends part or all of a gift card; never below zero, idempotent under the key.',
  })
  async giftCardDebit(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => GiftCardDebitInput) input: GiftCardDebitInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ) {
    return toPayload(await debitGiftCard(ctx, input, idempotencyKey), (change) => change);
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => GiftCardTransactionPayload, {
    description: 'Gives money back to a gift card, up to what was spent; idempotent under the key.',
  })
  async giftCardRefund(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => GiftCardRefundInput) input: GiftCardRefundInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ) {
    return toPayload(await refundGiftCard(ctx, input, idempotencyKey), (change) => change);
  }
}
