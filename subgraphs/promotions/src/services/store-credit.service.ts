import { randomUUID } from 'node:crypto';
import { idempotent, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorCode, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { StoreCreditAccount, StoreCreditEntry } from '../entities';
import type { StoreCreditDebitInput, StoreCreditIssueInput } from '../inputs/store-credit.input';
import { positiveAmount } from './money-amount';

export const INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE';

export interface StoreCreditChange {
  account: StoreCreditAccount;
  entry: StoreCreditEntry;
}

type Em = PromotionsContext['em'];
type AccountRow = { id: string; balance: string; currency_code: string };

/** Gives a customer store credit, opening the account on first use; idempotent under the key. */
export async function issueStoreCredit(
  ctx: PromotionsContext,
  input: StoreCreditIssueInput,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<StoreCreditChange>> {
  const errors = await validateInput(input, ['input']);
  const amount = positiveAmount(input.amount, ctx.currencyCode, ['input', 'amount'], errors);
  if (errors.length || amount === null) return { ok: false, userErrors: errors };
  return runMutation(ctx.em, async (em) => {
    const { result } = await idempotent(em, SCHEMA, 'storeCreditIssue', idempotencyKey, input, async () => {
      // The upsert takes the account's row lock, so concurrent issues and debits serialise.
      const [account] = await sql<AccountRow>(
        em,
        `insert into ${SCHEMA}.store_credit_account (id, customer_id, balance, currency_code, created_at, updated_at)
         values (?, ?, ?, ?, now(), now())
         on conflict (customer_id) do update set balance = store_credit_account.balance + excluded.balance, updated_at = now()
         returning id, balance, currency_code`,
        [randomUUID(), input.customerId, amount, ctx.currencyCode],
      );
      if (account.currency_code !== ctx.currencyCode) {
        throw new UserErrorsException([
          new UserError(
            ['input', 'amount', 'currencyCode'],
            `This account is in ${account.currency_code}`,
            UserErrorCode.CURRENCY_MISMATCH,
          ),
        ]);
      }
      return writeEntry(ctx, em, account, amount, { reason: input.reason, idempotencyKey: idempotencyKey ?? null });
    });
    return loadChange(em, result);
  });
}

/**
 * Spends store credit for checkout. The balance moves with a guarded UPDATE under the row
 * lock, so concurrent debits never take it below zero; idempotent under the checkout key.
 */
export async function debitStoreCredit(
  ctx: PromotionsContext,
  input: StoreCreditDebitInput,
  idempotencyKey: string,
): Promise<MutationOutcome<StoreCreditChange>> {
  const errors = await validateInput(input, ['input']);
  const amount = positiveAmount(input.amount, ctx.currencyCode, ['input', 'amount'], errors);
  if (errors.length || amount === null) return { ok: false, userErrors: errors };
  return runMutation(ctx.em, async (em) => {
    const { result } = await idempotent(em, SCHEMA, 'storeCreditDebit', idempotencyKey, input, async () => {
      const [account] = await sql<AccountRow>(
        em,
        `update ${SCHEMA}.store_credit_account set balance = balance - ?, updated_at = now()
         where customer_id = ? and currency_code = ? and balance >= ? returning id, balance, currency_code`,
        [amount, input.customerId, ctx.currencyCode, amount],
      );
      if (!account) throw new UserErrorsException([await whyNotDebited(em, input.customerId, ctx.currencyCode)]);
      return writeEntry(ctx, em, account, -amount, { reference: input.reference ?? null, idempotencyKey });
    });
    return loadChange(em, result);
  });
}

/** A customer's store credit account, or null when none was ever opened. */
export function findStoreCreditAccount(ctx: PromotionsContext, customerId: string): Promise<StoreCreditAccount | null> {
  return ctx.em.findOne(StoreCreditAccount, { customerId });
}

async function writeEntry(
  ctx: PromotionsContext,
  em: Em,
  account: AccountRow,
  amount: number,
  extra: Partial<StoreCreditEntry>,
): Promise<string> {
  const entry = em.create(StoreCreditEntry, {
    ...extra,
    accountId: account.id,
    amount,
    balanceAfter: Number(account.balance),
    actor: ctx.viewer.subject,
    createdAt: new Date(),
  });
  await em.flush();
  return entry.id;
}

async function whyNotDebited(em: Em, customerId: string, currencyCode: string): Promise<UserError> {
  const account = await em.findOne(StoreCreditAccount, { customerId });
  if (!account) return new UserError(['input', 'customerId'], `Customer "${customerId}" has no store credit`, UserErrorCode.NOT_FOUND);
  if (account.currencyCode !== currencyCode)
    return new UserError(['input', 'amount'], `This account is in ${account.currencyCode}`, UserErrorCode.CURRENCY_MISMATCH);
  return new UserError(['input', 'amount'], 'The store credit balance is too low', INSUFFICIENT_BALANCE);
}

async function loadChange(em: Em, entryId: string): Promise<StoreCreditChange> {
  const entry = await em.findOneOrFail(StoreCreditEntry, { id: entryId });
  const account = await em.findOneOrFail(StoreCreditAccount, { id: entry.accountId }, { refresh: true });
  return { account, entry };
}
