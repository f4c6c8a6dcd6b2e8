/**
 * The cancellation row: inserted in the transaction that cancels the units, then written after
 * each remote step. Steps are idempotent under their keys, so two processes that both run one
 * (the request and the sweeper after a lease ran out) move money once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { CancellationPlan } from './types';

const TABLE = `"${SCHEMA}"."cancellation"`;

export interface CancellationRow {
  id: string;
  order_id: string;
  caller_scope: string;
  idempotency_key: string;
  request_hash: string;
  state: 'RUNNING' | 'COMPLETED';
  plan: CancellationPlan;
  steps: Record<string, { done: boolean; [result: string]: unknown }>;
  attempts: number;
}

export async function insertCancellation(
  em: EntityManager,
  row: { id: string; scope: string; key: string; hash: string; plan: CancellationPlan; leaseMs: number },
): Promise<void> {
  await sql(
    em,
    `insert into ${TABLE} (id, order_id, caller_scope, idempotency_key, request_hash, state, plan, steps, lease_until, attempts, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'RUNNING', ?::jsonb, '{}'::jsonb, now() + make_interval(secs => ?), 1, now(), now())`,
    [row.id, row.plan.orderId, row.scope, row.key, row.hash, JSON.stringify(row.plan), row.leaseMs / 1000],
  );
}

export async function readCancellation(em: EntityManager, where: { id: string } | { scope: string; key: string }) {
  const [condition, params] =
    'id' in where ? ['id = ?', [where.id]] : ['caller_scope = ? and idempotency_key = ?', [where.scope, where.key]];
  const [row] = await sql<CancellationRow>(em, `select * from ${TABLE} where ${condition}`, params);
  return row ?? null;
}

/**
 * What earlier cancellations and refunds (of returned units) of the order planned to give back to
 * each payment: a later one never plans it again.
 */
export async function plannedRefunds(em: EntityManager, orderId: string): Promise<Map<string, number>> {
  const rows = await sql<{ payment_id: string; amount: string }>(
    em,
    `select r->>'paymentId' as payment_id, sum((r->>'amountMinor')::bigint) as amount
       from (select plan from ${TABLE} where order_id = ? union all select plan from "${SCHEMA}"."refund" where order_id = ?) c,
            jsonb_array_elements(c.plan->'refunds') r group by 1`,
    [orderId, orderId],
  );
  return new Map(rows.map((r) => [r.payment_id, Number(r.amount)]));
}

/** Records a finished step and renews the lease. */
export async function recordStep(em: EntityManager, id: string, step: string, record: Record<string, unknown>, leaseMs: number) {
  await sql(
    em,
    `update ${TABLE} set steps = steps || jsonb_build_object(?::text, ?::jsonb), lease_until = now() + make_interval(secs => ?), updated_at = now()
     where id = ?`,
    [step, JSON.stringify({ ...record, done: true }), leaseMs / 1000, id],
  );
}

export async function completeCancellation(em: EntityManager, id: string): Promise<void> {
  await sql(em, `update ${TABLE} set state = 'COMPLETED', updated_at = now() where id = ? and state = 'RUNNING'`, [id]);
}

/**
 * Takes over up to `batch` cancellations with steps left whose lease ran out: SKIP LOCKED, and
 * the lease renewed in the same statement, so sweepers side by side take different rows.
 */
export async function claimStalled(em: EntityManager, batch: number, leaseMs: number): Promise<CancellationRow[]> {
  return sql<CancellationRow>(
    em,
    `update ${TABLE} set lease_until = now() + make_interval(secs => ?), attempts = attempts + 1, updated_at = now()
     where id in (select id from ${TABLE} where state = 'RUNNING' and lease_until < now()
                  order by lease_until limit ? for update skip locked)
     returning *`,
    [leaseMs / 1000, batch],
  );
}
