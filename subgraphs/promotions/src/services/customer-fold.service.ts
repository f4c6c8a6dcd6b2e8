import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';

/** The balance tables of a customer: an account per customer, whose ledger entries sum to it. */
const ACCOUNTS = [
  { account: 'loyalty_account', entry: 'loyalty_entry', amount: 'points' },
  { account: 'store_credit_account', entry: 'store_credit_entry', amount: 'balance' },
] as const;

/**
 * Folds what promotions holds for a customer merged away into the customer it was merged into,
 * in the caller's transaction: points and store credit (the source's ledger entries move with
 * their amounts, so each ledger still sums to its balance and tiers count the points earned
 * under either name), gift cards, and discount uses (so a per-customer limit counts both).
 * Idempotent: once folded, nothing is left under the source, so a repeated event changes nothing.
 */
export async function foldCustomer(em: EntityManager, sourceId: string, targetId: string): Promise<void> {
  if (sourceId === targetId) return;
  await sql(
    em,
    `insert into ${SCHEMA}.customer_redirect (source_id, target_id, merged_at) values (?, ?, now())
     on conflict (source_id) do update set target_id = excluded.target_id`,
    [sourceId, targetId],
  );
  // A customer merged earlier into the source now leads to the target too.
  await sql(em, `update ${SCHEMA}.customer_redirect set target_id = ? where target_id = ?`, [targetId, sourceId]);
  for (const { account, entry, amount } of ACCOUNTS) {
    // Both rows locked in id order, as balance changes lock one: no deadlock with a concurrent debit.
    const rows = await sql<{ id: string; customer_id: string; amount: number }>(
      em,
      `select id, customer_id, ${amount} as amount from ${SCHEMA}.${account} where customer_id in (?, ?) order by id for update`,
      [sourceId, targetId],
    );
    const source = rows.find((r) => r.customer_id === sourceId);
    const target = rows.find((r) => r.customer_id === targetId);
    if (!source) continue;
    if (!target) {
      await sql(em, `update ${SCHEMA}.${account} set customer_id = ?, updated_at = now() where id = ?`, [targetId, source.id]);
      continue;
    }
    await sql(em, `update ${SCHEMA}.${entry} set account_id = ? where account_id = ?`, [target.id, source.id]);
    await sql(em, `update ${SCHEMA}.${account} set ${amount} = ${amount} + ?, updated_at = now() where id = ?`, [source.amount, target.id]);
    await sql(em, `delete from ${SCHEMA}.${account} where id = ?`, [source.id]);
  }
  await sql(em, `update ${SCHEMA}.gift_card set customer_id = ?, updated_at = now() where customer_id = ?`, [targetId, sourceId]);
  await sql(em, `update ${SCHEMA}.discount_redemption set customer_id = ?, updated_at = now() where customer_id = ?`, [targetId, sourceId]);
}

/**
 * What promotions does when a customer is erased: balances stay (they are money owed, keyed by
 * an id that no longer names anyone), and the free-text notes staff wrote on their gift cards go.
 */
export async function forgetCustomer(em: EntityManager, customerId: string): Promise<void> {
  await sql(em, `update ${SCHEMA}.gift_card set note = null, updated_at = now() where customer_id = ? and note is not null`, [customerId]);
}
