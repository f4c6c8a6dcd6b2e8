import { Arg, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role, STAFF_ROLES } from '#platform/auth';
import { Money, toPayload, type CurrencyCode } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { StoreCreditAccount, StoreCreditEntry } from '../entities';
import { StoreCreditDebitInput, StoreCreditIssueInput } from '../inputs/store-credit.input';
import { StoreCreditDebitPayload, StoreCreditIssuePayload } from '../payloads/balance.payloads';
import { debitStoreCredit, issueStoreCredit } from '../services/store-credit.service';

@Resolver(() => StoreCreditAccount)
export class StoreCreditResolver {
  @FieldResolver(() => Money, { description: 'Credit left to spend.' })
  balance(@Root() account: StoreCreditAccount): Money {
    return Money.fromMinor(account.balance, account.currencyCode as CurrencyCode);
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => StoreCreditIssuePayload, { description: 'Gives a customer store credit; idempotent under the key.' })
  async storeCreditIssue(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => StoreCreditIssueInput, { description: 'Customer, amount and reason.' }) input: StoreCreditIssueInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: 'Makes a retry safe: the same key and input answer the first result.',
    })
    idempotencyKey?: string | null,
  ) {
    return toPayload(await issueStoreCredit(ctx, input, idempotencyKey), (change) => change);
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => StoreCreditDebitPayload, { description: 'Spends store credit for checkout; never below zero, idempotent under the key.' })
  async storeCreditDebit(
    @Ctx() ctx: PromotionsContext,
    @Arg('input', () => StoreCreditDebitInput) input: StoreCreditDebitInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ) {
    return toPayload(await debitStoreCredit(ctx, input, idempotencyKey), (change) => change);
  }
}

@Resolver(() => StoreCreditEntry)
export class StoreCreditEntryResolver {
  @FieldResolver(() => Money, { description: 'The change: positive when credit is given, negative when spent.' })
  amount(@Root() entry: StoreCreditEntry, @Ctx() ctx: PromotionsContext): Money {
    return Money.fromMinor(entry.amount, ctx.currencyCode);
  }

  @FieldResolver(() => Money, { description: 'The balance after this entry.' })
  balanceAfter(@Root() entry: StoreCreditEntry, @Ctx() ctx: PromotionsContext): Money {
    return Money.fromMinor(entry.balanceAfter, ctx.currencyCode);
  }
}
