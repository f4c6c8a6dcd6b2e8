import { randomUUID } from 'node:crypto';
import { idempotent, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { StoreCreditAccount, StoreCreditEntry } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import type { StoreCreditDebitInput, StoreCreditIssueInput } from '../inputs/store-credit.input';
import { positiveAmount } from '../rules/money-amount';

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
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(tx.em, SCHEMA, 'storeCreditIssue', idempotencyKey, input, async () => {
      // The upsert takes the account's row lock, so concurrent issues and debits serialise.
      const [account] = await sql<AccountRow>(
        tx.em,
        `insert into ${SCHEMA}.store_credit_account (id, customer_id, balance, currency_code, created_at, updated_at)
         values (?, ?, ?, ?, now(), now())
         on conflict (customer_id) do update set balance = store_credit_account.balance + excluded.balance, updated_at = now()
         returning id, balance, currency_code`,
        [randomUUID(), input.customerId, amount, tx.currencyCode],
      );
      if (account.currency_code !== tx.currencyCode) {
        throw new UserErrorsException([
          new UserError(['input', 'amount', 'currencyCode'], `This account is in ${account.currency_code}`, Code.CURRENCY_MISMATCH),
        ]);
      }
      return writeEntry(tx, account, amount, { reason: input.reason, idempotencyKey: idempotencyKey ?? null });
    });
    return loadChange(tx.em, result);
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
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(tx.em, SCHEMA, 'storeCreditDebit', idempotencyKey, input, async () => {
      const [account] = await sql<AccountRow>(
        tx.em,
        `update ${SCHEMA}.store_credit_account set balance = balance - ?, updated_at = now()
         where customer_id = ? and currency_code = ? and balance >= ? returning id, balance, currency_code`,
        [amount, input.customerId, tx.currencyCode, amount],
      );
      if (!account) throw new UserErrorsException([await whyNotDebited(tx, input.customerId)]);
      return writeEntry(tx, account, -amount, { reference: input.reference ?? null, idempotencyKey });
    });
    return loadChange(tx.em, result);
  });
}

/** The ledger entry for a balance change just made, in the transaction of `tx`; returns its id. */
async function writeEntry(tx: PromotionsContext, account: AccountRow, amount: number, extra: Partial<StoreCreditEntry>): Promise<string> {
  const entry = tx.em.create(StoreCreditEntry, {
    ...extra,
    accountId: account.id,
    amount,
    balanceAfter: Number(account.balance),
    actor: tx.viewer.subject,
    createdAt: new Date(),
  });
  await tx.em.flush();
  return entry.id;
}

async function whyNotDebited(tx: PromotionsContext, customerId: string): Promise<UserError> {
  const account = await tx.em.findOne(StoreCreditAccount, { customerId });
  if (!account) return new UserError(['input', 'customerId'], `Customer "${customerId}" has no store credit`, Code.NOT_FOUND);
  if (account.currencyCode !== tx.currencyCode)
    return new UserError(['input', 'amount'], `This account is in ${account.currencyCode}`, Code.CURRENCY_MISMATCH);
  return new UserError(['input', 'amount'], 'The store credit balance is too low', Code.INSUFFICIENT_BALANCE);
}

async function loadChange(em: Em, entryId: string): Promise<StoreCreditChange> {
  const entry = await em.findOneOrFail(StoreCreditEntry, { id: entryId });
  const account = await em.findOneOrFail(StoreCreditAccount, { id: entry.accountId }, { refresh: true });
  return { account, entry };
}
