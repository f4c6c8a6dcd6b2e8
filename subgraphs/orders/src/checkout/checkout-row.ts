/**
 * The checkout row: created before the first remote call, written after each step. Every write
 * names the state it expects, so a process whose lease was taken over (by the sweeper) cannot
 * overwrite what the new owner did; a refused write ends that process's work on the checkout.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { CheckoutState } from '../entities';
import type { CheckoutPlan } from './types';

const TABLE = `"${SCHEMA}"."checkout"`;

export interface CheckoutRow {
  id: string;
  cart_id: string;
  caller_scope: string;
  idempotency_key: string;
  request_hash: string;
  state: `${CheckoutState}`;
  plan: CheckoutPlan;
  steps: Record<string, StepRecord>;
  order_id: string | null;
  failure: FailureRecord | null;
  attempts: number;
}

/** A step's record: `started` before the call, `done` with its result after it returned. */
export interface StepRecord {
  started?: boolean;
  done?: boolean;
  [result: string]: unknown;
}

export interface FailureRecord {
  userErrors: { field: string[] | null; message: string; code: string }[];
}

/** The lease was lost: another process (the sweeper) owns the checkout now. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

export interface NewCheckout {
  id: string;
  cartId: string;
  callerScope: string;
  idempotencyKey: string;
  requestHash: string;
  plan: CheckoutPlan;
  leaseMs: number;
}

/** Inserts the row and answers it as stored; null when the key or a live checkout of the cart is there already (a unique index said so). */
export async function insertCheckout(em: EntityManager, row: NewCheckout): Promise<CheckoutRow | null> {
  const inserted = await sql<CheckoutRow>(
    em,
    `insert into ${TABLE} (id, cart_id, caller_scope, idempotency_key, request_hash, state, plan, steps, lease_until, attempts, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'RUNNING', ?::jsonb, '{"checkout":{"done":true}}'::jsonb, now() + make_interval(secs => ?), 1, now(), now())
     on conflict do nothing returning *`,
    [row.id, row.cartId, row.callerScope, row.idempotencyKey, row.requestHash, JSON.stringify(row.plan), row.leaseMs / 1000],
  );
  return inserted[0] ?? null;
}

export async function readCheckout(em: EntityManager, where: { id: string } | { scope: string; key: string } | { liveCart: string }) {
  const [condition, params] =
    'id' in where
      ? ['id = ?', [where.id]]
      : 'scope' in where
        ? ['caller_scope = ? and idempotency_key = ?', [where.scope, where.key]]
        : [`cart_id = ? and state <> 'FAILED'`, [where.liveCart]];
  const [row] = await sql<CheckoutRow>(em, `select * from ${TABLE} where ${condition}`, params);
  return row ?? null;
}

/** Records a step's progress and renews the lease; throws LeaseLostError when the row is no longer in `state`. */
export function recordStep(
  em: EntityManager,
  id: string,
  state: `${CheckoutState}`,
  step: string,
  record: StepRecord,
  leaseMs: number,
): Promise<void> {
  return recordSteps(em, id, state, { [step]: record }, leaseMs);
}

/** The same for several steps in one statement (one step's result with the next one's start). */
export async function recordSteps(
  em: EntityManager,
  id: string,
  state: `${CheckoutState}`,
  records: Record<string, StepRecord>,
  leaseMs: number,
): Promise<void> {
  const updated = await sql(
    em,
    `update ${TABLE} set steps = steps || ?::jsonb, lease_until = now() + make_interval(secs => ?), updated_at = now()
     where id = ? and state = ? returning id`,
    [JSON.stringify(records), leaseMs / 1000, id, state],
  );
  if (updated.length === 0) throw new LeaseLostError(`checkout ${id} is no longer ${state}`);
}

/** Moves the row from `from` to `to` (and records a failure, the order, steps' records, an empty set of them changing none); false when it was not in `from`. */
export async function moveCheckout(
  em: EntityManager,
  id: string,
  from: `${CheckoutState}`,
  to: `${CheckoutState}`,
  extra: { failure?: FailureRecord; orderId?: string; leaseMs?: number; steps?: Record<string, StepRecord> } = {},
): Promise<boolean> {
  const updated = await sql(
    em,
    `update ${TABLE} set state = ?, failure = coalesce(?::jsonb, failure), order_id = coalesce(?::uuid, order_id),
       steps = steps || coalesce(?::jsonb, '{}'::jsonb), lease_until = now() + make_interval(secs => ?), updated_at = now()
     where id = ? and state = ? returning id`,
    [
      to,
      extra.failure ? JSON.stringify(extra.failure) : null,
      extra.orderId ?? null,
      extra.steps ? JSON.stringify(extra.steps) : null,
      (extra.leaseMs ?? 0) / 1000,
      id,
      from,
    ],
  );
  return updated.length > 0;
}

/**
 * Takes over up to `batch` checkouts whose lease ran out, still in flight: SKIP LOCKED, so
 * replicas sweeping side by side take different rows, and each taken row's lease is renewed
 * in the same statement, so nobody else takes it while this process works on it.
 */
export async function claimAbandoned(em: EntityManager, batch: number, leaseMs: number): Promise<CheckoutRow[]> {
  return sql<CheckoutRow>(
    em,
    `update ${TABLE} set lease_until = now() + make_interval(secs => ?), attempts = attempts + 1, updated_at = now()
     where id in (select id from ${TABLE} where state in ('RUNNING', 'COMPENSATING', 'PLACED') and lease_until < now()
                  order by lease_until limit ? for update skip locked)
     returning *`,
    [leaseMs / 1000, batch],
  );
}
