/**
 * The refund row: inserted in the transaction that counts the units refunded, then written after
 * each payment step. Steps are idempotent under their keys, so two processes that both run one
 * (the request and the sweeper after a lease ran out) move money once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import type { MoneyBack } from '../cancellation';
import { SCHEMA } from '../constants';
import type { RefundRowPlan } from './types';

const TABLE = `"${SCHEMA}"."refund"`;

export interface RefundRow {
  id: string;
  order_id: string;
  caller_scope: string;
  idempotency_key: string;
  request_hash: string;
  state: 'RUNNING' | 'COMPLETED';
  refund_to: string;
  total_minor: string;
  plan: RefundRowPlan;
  steps: Record<string, { done: boolean; [result: string]: unknown }>;
  attempts: number;
  created_at: Date;
}

/** Every remote step's idempotency key, derived from the refund. */
export const refundKeys = (refundId: string) => ({
  void: (paymentId: string) => `refund:${refundId}:payment:${paymentId}:void`,
  refund: (paymentId: string) => `refund:${refundId}:payment:${paymentId}:refund`,
});

/** The refund as money going back, for the payment step (the request, the sweeper and an exchange's credit all send the same keys). */
export const refundMoneyBack = (row: Pick<RefundRow, 'id' | 'order_id' | 'plan'>): MoneyBack => ({
  id: row.id,
  order_id: row.order_id,
  plan: row.plan,
  reason: `Order ${row.plan.number}: refund for returned items`,
  reference: `refund:${row.id}`,
  keys: refundKeys(row.id),
});

export async function insertRefund(
  em: EntityManager,
  row: { id: string; scope: string; key: string; hash: string; plan: RefundRowPlan; leaseMs: number },
): Promise<void> {
  await sql(
    em,
    `insert into ${TABLE} (id, order_id, caller_scope, idempotency_key, request_hash, state, refund_to, total_minor, plan, steps, lease_until, attempts, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?::jsonb, '{}'::jsonb, now() + make_interval(secs => ?), 1, now(), now())`,
    [
      row.id,
      row.plan.orderId,
      row.scope,
      row.key,
      row.hash,
      row.plan.refundTo,
      row.plan.refundTotalMinor,
      JSON.stringify(row.plan),
      row.leaseMs / 1000,
    ],
  );
}

export async function readRefund(em: EntityManager, where: { id: string } | { scope: string; key: string }): Promise<RefundRow | null> {
  const [condition, params] =
    'id' in where ? ['id = ?', [where.id]] : ['caller_scope = ? and idempotency_key = ?', [where.scope, where.key]];
  const [row] = await sql<RefundRow>(em, `select * from ${TABLE} where ${condition}`, params);
  return row ?? null;
}

/** Shipping given back by the order's refunds so far. */
export async function refundedShipping(em: EntityManager, orderId: string): Promise<number> {
  const [row] = await sql<{ minor: string }>(
    em,
    `select coalesce(sum((plan->>'shippingMinor')::bigint), 0) as minor from ${TABLE} where order_id = ?`,
    [orderId],
  );
  return Number(row.minor);
}

/** Units per order line refunded by the refunds naming the return (refundCreate's, its exchange's). */
export async function refundedOnReturn(em: EntityManager, returnId: string): Promise<Map<string, number>> {
  const rows = await sql<{ order_line_id: string; quantity: string }>(
    em,
    `select l->>'orderLineId' as order_line_id, sum((l->>'quantity')::int) as quantity
       from ${TABLE} r, jsonb_array_elements(r.plan->'lines') l where r.plan->>'returnId' = ? group by 1`,
    [returnId],
  );
  return new Map(rows.map((r) => [r.order_line_id, Number(r.quantity)]));
}

export async function recordRefundStep(em: EntityManager, id: string, step: string, record: Record<string, unknown>, leaseMs: number) {
  await sql(
    em,
    `update ${TABLE} set steps = steps || jsonb_build_object(?::text, ?::jsonb), lease_until = now() + make_interval(secs => ?), updated_at = now()
     where id = ?`,
    [step, JSON.stringify({ ...record, done: true }), leaseMs / 1000, id],
  );
}

export async function completeRefund(em: EntityManager, id: string): Promise<void> {
  await sql(em, `update ${TABLE} set state = 'COMPLETED', updated_at = now() where id = ? and state = 'RUNNING'`, [id]);
}

/** Takes over up to `batch` refunds with steps left whose lease ran out (SKIP LOCKED, the lease renewed in the same statement). */
export async function claimStalledRefunds(em: EntityManager, batch: number, leaseMs: number): Promise<RefundRow[]> {
  return sql<RefundRow>(
    em,
    `update ${TABLE} set lease_until = now() + make_interval(secs => ?), attempts = attempts + 1, updated_at = now()
     where id in (select id from ${TABLE} where state = 'RUNNING' and lease_until < now()
                  order by lease_until limit ? for update skip locked)
     returning *`,
    [leaseMs / 1000, batch],
  );
}

/** The order's refunds, oldest first. */
export async function orderRefunds(em: EntityManager, orderId: string): Promise<RefundRow[]> {
  return sql<RefundRow>(em, `select * from ${TABLE} where order_id = ? order by created_at, id`, [orderId]);
}
