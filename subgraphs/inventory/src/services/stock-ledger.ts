import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import { announceEvents, type EventAnnouncement, type EventInput } from '#platform/outbox';
import { SCHEMA } from '../constants';
import { InventoryLevelChanged, InventoryLevelLow, levelEventKey } from '../contract';
import type { StockMovementReason } from '../entities';

/**
 * `available`: the change may not take available (onHand - reserved) below zero: reservations,
 * online sales, shipments, adjustments. `none`: record what happened even if it goes negative,
 * and flag the level for reconciliation: offline POS sales and stock counts.
 */
export type StockGuard = 'available' | 'none';

export interface StockChange {
  sku: string;
  locationId: string;
  onHand?: number;
  reserved?: number;
  incoming?: number;
  reason: StockMovementReason;
  guard: StockGuard;
  channel?: SalesChannel | null;
  reference?: string | null;
  actor?: string | null;
  occurredAt?: Date;
}

export interface LevelRow {
  id: string;
  sku: string;
  location_id: string;
  on_hand: number;
  reserved: number;
  incoming: number;
  low_stock_threshold: number | null;
  version: number;
  needs_reconciliation: boolean;
  updated_at: Date;
}

/** A change refused because it would take available stock below zero. */
export class InsufficientStockError extends Error {
  override readonly name = 'InsufficientStockError';
  constructor(
    readonly sku: string,
    readonly locationId: string,
    readonly available: number,
    readonly requested: number,
  ) {
    super(`Only ${Math.max(0, available)} of ${sku} available at this location; ${requested} requested`);
  }
}

const GUARDS: Record<StockGuard, string> = {
  available: '(on_hand + ?) - (reserved + ?) >= 0',
  none: 'true',
};

/**
 * The one writer of stock. Each change is one statement: a conditional UPDATE under the row lock
 * (so two concurrent sales of the last unit cannot both succeed), a ledger row with the level after
 * it, and its outbox events (the contract's InventoryLevelChanged, and InventoryLevelLow when the
 * change crosses the level's threshold), all in the caller's transaction, then one NOTIFY for them.
 * Changes are applied in (sku, location) order so transactions touching the same levels cannot deadlock.
 */
export async function applyStockChanges(em: EntityManager, changes: StockChange[]): Promise<LevelRow[]> {
  const { levels, events } = await writeStockChanges(em, changes);
  await announceEvents(em, SCHEMA, events);
  return levels;
}

/**
 * applyStockChanges without the NOTIFY, for a writer that announces `events` itself after its
 * commit: a NOTIFY in the transaction makes the commit queue for the database's notification
 * lock while the level rows are still locked. The outbox rows are written all the same.
 */
export async function writeStockChanges(
  em: EntityManager,
  changes: StockChange[],
): Promise<{ levels: LevelRow[]; events: EventAnnouncement[] }> {
  const results = new Map<StockChange, LevelRow>();
  const events: EventAnnouncement[] = [];
  const recordedAt = new Date();
  for (const change of inLevelOrder(changes)) {
    const { level, events: written } = await updateLevel(em, change, recordedAt);
    const key = levelEventKey(level.sku, level.location_id);
    events.push(...written.map((e) => ({ id: Number(e.id), topic: e.topic, key, version: level.version })));
    results.set(change, level);
  }
  return { levels: changes.map((c) => results.get(c) as LevelRow), events };
}

/** Changes in (sku, location) order, the order every writer locks levels in; stable, so several changes to one level keep theirs. */
export function inLevelOrder<C extends { sku: string; locationId: string }>(changes: readonly C[]): C[] {
  const key = (c: C) => `${c.sku}\u0000${c.locationId}`;
  return [...changes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** What every level event carries about the level as it now stands. */
export function levelState(level: LevelRow) {
  return {
    sku: level.sku,
    locationId: level.location_id,
    version: level.version,
    onHand: level.on_hand,
    reserved: level.reserved,
    available: level.on_hand - level.reserved,
    incoming: level.incoming,
  };
}

/**
 * The outbox events of one change, from the level after it: InventoryLevelChanged, and
 * InventoryLevelLow when the change took available from above the level's threshold to at or below it.
 */
export function levelEvents(level: LevelRow, change: StockChange, recordedAt: Date): EventInput[] {
  const dOn = change.onHand ?? 0;
  const dRes = change.reserved ?? 0;
  const state = levelState(level);
  const available = state.available;
  const payload = {
    ...state,
    delta: dOn,
    reservedDelta: dRes,
    reason: change.reason,
    channel: change.channel ?? null,
    occurredAt: (change.occurredAt ?? recordedAt).toISOString(),
  };
  const eventKey = levelEventKey(level.sku, level.location_id);
  const events = [InventoryLevelChanged.event(eventKey, payload)];
  const threshold = level.low_stock_threshold;
  const before = available - (dOn - dRes);
  if (threshold !== null && available <= threshold && before > threshold) {
    events.push(InventoryLevelLow.event(eventKey, { ...payload, lowStockThreshold: threshold }));
  }
  return events;
}

interface ChangedLevel {
  level: LevelRow;
  events: { id: number | string; topic: string }[];
}

/**
 * The change as one statement, so the level stays locked for one round trip before the commit:
 * the guarded update, then from the level it returns the ledger row and the events, whose
 * payloads are levelEvents' (the level's state in SQL, the movement's fields from here).
 */
async function updateLevel(em: EntityManager, change: StockChange, recordedAt: Date): Promise<ChangedLevel> {
  const dOn = change.onHand ?? 0;
  const dRes = change.reserved ?? 0;
  const dInc = change.incoming ?? 0;
  const occurredAt = change.occurredAt ?? recordedAt;
  const movement = {
    delta: dOn,
    reservedDelta: dRes,
    reason: change.reason,
    channel: change.channel ?? null,
    occurredAt: occurredAt.toISOString(),
  };
  const run = async () =>
    (
      await sql<LevelRow & { events: ChangedLevel['events'] }>(
        em,
        `with level as (
           update ${SCHEMA}.inventory_level
              set on_hand = on_hand + ?, reserved = reserved + ?, incoming = incoming + ?, version = version + 1, updated_at = now(),
                  needs_reconciliation = needs_reconciliation or (on_hand + ?) < 0 or (on_hand + ?) - (reserved + ?) < 0
            where sku = ? and location_id = ? and reserved + ? >= 0 and incoming + ? >= 0 and ${GUARDS[change.guard]}
           returning *
         ), movement as (
           insert into ${SCHEMA}.stock_movement (sku, location_id, reason, quantity, reserved_delta, incoming_delta, on_hand_after,
             available_after, version, channel, reference, actor, occurred_at, recorded_at)
           select sku, location_id, ?, ?, ?, ?, on_hand, on_hand - reserved, version, ?, ?, ?, ?, ? from level
         ), state as (
           select jsonb_build_object('sku', sku, 'locationId', location_id, 'version', version, 'onHand', on_hand, 'reserved', reserved,
                    'available', on_hand - reserved, 'incoming', incoming) || ?::jsonb as payload,
                  low_stock_threshold as threshold, on_hand - reserved as available
           from level
         ), event as (
           insert into ${SCHEMA}.outbox_event (topic, key, payload, created_at)
           select e.topic, ?, e.payload, ?
           from state, lateral (values (1, ?, state.payload), (2, ?, state.payload || jsonb_build_object('lowStockThreshold', state.threshold)))
             as e(n, topic, payload)
           where e.n = 1 or (state.threshold is not null and state.available <= state.threshold and state.available - ? > state.threshold)
           order by e.n
           returning id, topic
         )
         select level.*, (select coalesce(json_agg(json_build_object('id', id, 'topic', topic) order by id), '[]') from event) as events
         from level`,
        [
          dOn,
          dRes,
          dInc,
          dOn,
          dOn,
          dRes,
          change.sku,
          change.locationId,
          dRes,
          dInc,
          ...(change.guard === 'available' ? [dOn, dRes] : []),
          change.reason,
          dOn,
          dRes,
          dInc,
          change.channel ?? null,
          change.reference ?? null,
          change.actor ?? null,
          occurredAt,
          recordedAt,
          JSON.stringify(movement),
          levelEventKey(change.sku, change.locationId),
          new Date(),
          InventoryLevelChanged.topic,
          InventoryLevelLow.topic,
          dOn - dRes,
        ],
      )
    ).map(({ events, ...level }) => ({ level, events }));
  let [changed] = await run();
  if (changed) return changed;
  const [current] = await sql<LevelRow>(em, `select * from ${SCHEMA}.inventory_level where sku = ? and location_id = ?`, [
    change.sku,
    change.locationId,
  ]);
  if (current) throw new InsufficientStockError(change.sku, change.locationId, current.on_hand - current.reserved, -(dOn - dRes));
  // First stock of this SKU here: create the level, then apply the change to it.
  await sql(
    em,
    `insert into ${SCHEMA}.inventory_level (id, sku, location_id, on_hand, reserved, incoming, version, needs_reconciliation, updated_at)
     values (?, ?, ?, 0, 0, 0, 0, false, now()) on conflict (sku, location_id) do nothing`,
    [randomUUID(), change.sku, change.locationId],
  );
  [changed] = await run();
  if (!changed) throw new InsufficientStockError(change.sku, change.locationId, 0, -(dOn - dRes));
  return changed;
}
