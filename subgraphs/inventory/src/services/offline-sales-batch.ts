/**
 * A till's offline batch recorded set-based: a few statements for the whole batch instead of
 * about a dozen per sale. Offline sales are recorded whatever the stock shows, so once a sale
 * is valid, its key is ours and its location exists, nothing can refuse it: the levels after
 * each sale can be worked out in memory, in the till's order, under the levels' row locks, and
 * written at once. Each sale's answer, ledger rows and events are those `recordSale` would give.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimIdempotencyKeys, isUuid, saveIdempotencyResults, sql, type MutationOutcome } from '#platform/db';
import { publishEvents, type EventInput } from '#platform/outbox';
import { SCHEMA } from '../constants';
import type { UserError } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryLevel, Location, StockMovementReason } from '../entities';
import type { InventorySaleRecordInput } from '../inputs/reservation.input';
import { inLevelOrder, levelEvents, type LevelRow, type StockChange } from './stock-ledger';

/** The idempotency scope of a till sale, shared with the one-sale path. */
export const SALE_RECORD_SCOPE = 'inventorySaleRecord';

type Outcome = MutationOutcome<InventoryLevel[]>;

/**
 * Records `inputs` (each already validated: `errors[i]` is non-empty for the refused) in the
 * caller's transaction, or answers null when the batch needs the per-sale path: a sale sold
 * online (it can be refused for want of stock), a key twice in the batch, or an unknown location
 * (whose error must come after the key's check, as a sale on its own would give it).
 */
export async function recordOfflineSales(
  tx: InventoryContext,
  inputs: readonly InventorySaleRecordInput[],
  errors: readonly UserError[][],
): Promise<Outcome[] | null> {
  const valid = inputs.flatMap((input, index) => (errors[index].length === 0 ? [{ input, index }] : []));
  if (valid.some(({ input }) => !input.offline)) return null;
  if (new Set(valid.map(({ input }) => input.idempotencyKey)).size !== valid.length) return null;
  const locationIds = [...new Set(valid.map(({ input }) => input.locationId))];
  if (!locationIds.every(isUuid)) return null;
  const found = await tx.em.find(Location, { id: { $in: locationIds } }, { fields: ['id'] });
  if (found.length !== locationIds.length) return null;

  const em = tx.em;
  const claims = await claimIdempotencyKeys<RecordedSale | null>(
    em,
    SCHEMA,
    SALE_RECORD_SCOPE,
    valid.map(({ input: { idempotencyKey, ...request } }) => ({ key: idempotencyKey, input: request })),
  );
  const fresh = valid.filter((_, i) => claims[i].state === 'claimed');
  const levels = await lockLevels(
    em,
    fresh.map(({ input }) => input),
    valid.filter((_, i) => claims[i].state === 'replay').map(({ input }) => input),
  );

  const recordedAt = new Date();
  const changed = new Set<LevelState>();
  const movements: Movement[] = [];
  const events: EventInput[] = [];
  const outcomes: Outcome[] = inputs.map((_, index) => ({ ok: false, userErrors: errors[index] }));
  const results: { key: string; result: RecordedSale }[] = [];
  valid.forEach(({ input, index }, i) => {
    const claim = claims[i];
    if (claim.state === 'mismatch') {
      outcomes[index] = { ok: false, userErrors: [claim.userError] };
      return;
    }
    if (claim.state === 'claimed') {
      const changes: StockChange[] = inLevelOrder(
        input.lines.map((line) => ({
          sku: line.sku,
          locationId: input.locationId,
          onHand: -line.quantity,
          reason: StockMovementReason.SALE,
          guard: 'none' as const,
          channel: input.channel,
          reference: input.reference ?? null,
          actor: tx.viewer.subject,
          occurredAt: input.occurredAt ?? undefined,
        })),
      );
      for (const change of changes) {
        const level = levels.get(levelKey(change.sku, change.locationId)) as LevelState;
        // As the ledger's UPDATE: the sale that takes the level below zero flags it.
        const onHand = level.row.on_hand + (change.onHand ?? 0);
        level.row = {
          ...level.row,
          on_hand: onHand,
          version: level.row.version + 1,
          updated_at: level.now,
          needs_reconciliation: level.row.needs_reconciliation || onHand < 0 || onHand - level.row.reserved < 0,
        };
        changed.add(level);
        movements.push({ change, level: level.row, occurredAt: change.occurredAt ?? recordedAt });
        events.push(...levelEvents(level.row, change, recordedAt));
      }
    }
    // A replay answers what the sale answered when it was recorded, so the sale that took a level
    // below zero stays the one flagged whichever device asks; a record from before results were
    // kept answers the levels as they stand now.
    const replayed = claim.state === 'replay' ? claim.result : null;
    if (replayed) {
      outcomes[index] = { ok: true, value: recordedLevels(replayed) };
      return;
    }
    // Its SKUs' levels at the store as they stand after it, by SKU.
    const after = input.lines
      .flatMap((line) => levels.get(levelKey(line.sku, input.locationId)) ?? [])
      .sort((a, b) => a.skuRank - b.skuRank)
      .map((level) => level.row);
    if (claim.state === 'claimed') results.push({ key: input.idempotencyKey, result: { levels: after } });
    outcomes[index] = { ok: true, value: after.map(levelOf) };
  });

  await writeLevels(
    em,
    [...changed].map((level) => level.row),
  );
  await insertMovements(em, movements, recordedAt);
  await publishEvents(em, SCHEMA, events);
  await saveIdempotencyResults(em, SCHEMA, SALE_RECORD_SCOPE, results);
  return outcomes;
}

/**
 * What a recorded sale answered, kept under its key (by this batch and by a sale recorded on its
 * own alike): its SKUs' levels right after it, dates as JSON gives them back.
 */
export interface RecordedSale {
  levels: (Omit<LevelRow, 'updated_at'> & { updated_at: Date | string })[];
}

/** The levels a recorded sale answered, as its replay answers them. */
export function recordedLevels(sale: RecordedSale): InventoryLevel[] {
  return sale.levels.map((row) => levelOf({ ...row, updated_at: new Date(row.updated_at) }));
}

/** A level as a recorded sale keeps it. */
export function levelRowOf(level: InventoryLevel): LevelRow {
  return {
    id: level.id,
    sku: level.sku,
    location_id: level.locationId,
    on_hand: level.onHand,
    reserved: level.reserved,
    incoming: level.incoming,
    low_stock_threshold: level.lowStockThreshold,
    version: level.version,
    needs_reconciliation: level.needsReconciliation,
    updated_at: level.updatedAt,
  };
}

interface LevelState {
  row: LevelRow;
  /** Where its SKU sorts in the database's collation, so answers list levels as a query ordered by SKU would. */
  skuRank: number;
  /** The transaction's now(), the ledger's updated_at. */
  now: Date;
}

interface Movement {
  change: StockChange;
  level: LevelRow;
  occurredAt: Date;
}

const levelKey = (sku: string, locationId: string) => `${sku}\u0000${locationId}`;

/**
 * The levels the batch touches: the new sales' levels created where missing, then locked in
 * (sku, location) order (as every stock writer locks them, so no deadlock); the levels replays
 * answer with, read as they stand.
 */
async function lockLevels(
  em: EntityManager,
  fresh: readonly InventorySaleRecordInput[],
  replays: readonly InventorySaleRecordInput[],
): Promise<Map<string, LevelState>> {
  const pairs = (sales: readonly InventorySaleRecordInput[]) =>
    new Map(sales.flatMap((s) => s.lines.map((l) => [levelKey(l.sku, s.locationId), { sku: l.sku, locationId: s.locationId }])));
  const touched = [...pairs(fresh).values()];
  const all = [...new Map([...pairs(fresh), ...pairs(replays)]).values()];
  if (all.length === 0) return new Map();
  if (touched.length > 0) {
    // First stock of a SKU here: the level starts at zero, as the ledger would create it.
    await sql(
      em,
      `insert into ${SCHEMA}.inventory_level (id, sku, location_id, on_hand, reserved, incoming, version, needs_reconciliation, updated_at)
       select id, sku, location_id, 0, 0, 0, 0, false, now() from unnest(?::uuid[], ?::text[], ?::uuid[]) as t(id, sku, location_id)
       order by sku collate "C", location_id
       on conflict (sku, location_id) do nothing`,
      [touched.map(() => randomUUID()), touched.map((p) => p.sku), touched.map((p) => p.locationId)],
    );
  }
  const skus = [...new Set(all.map((p) => p.sku))];
  const rows = await sql<LevelRow & { sku_rank: number; tx_now: Date }>(
    em,
    `select l.*, now() as tx_now, (select count(*) from unnest(?::text[]) as s(sku) where s.sku < l.sku)::int as sku_rank
     from ${SCHEMA}.inventory_level l
     join unnest(?::text[], ?::uuid[]) as t(sku, location_id) on l.sku = t.sku and l.location_id = t.location_id
     order by l.sku collate "C", l.location_id ${touched.length > 0 ? 'for update of l' : ''}`,
    [skus, all.map((p) => p.sku), all.map((p) => p.locationId)],
  );
  return new Map(rows.map(({ sku_rank, tx_now, ...row }) => [levelKey(row.sku, row.location_id), { row, skuRank: sku_rank, now: tx_now }]));
}

/** The locked levels to their values after the batch, in one statement. */
async function writeLevels(em: EntityManager, rows: readonly LevelRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql(
    em,
    `update ${SCHEMA}.inventory_level l
       set on_hand = t.on_hand, version = t.version, needs_reconciliation = t.needs_reconciliation, updated_at = now()
     from unnest(?::uuid[], ?::int[], ?::int[], ?::boolean[]) as t(id, on_hand, version, needs_reconciliation)
     where l.id = t.id`,
    [rows.map((r) => r.id), rows.map((r) => r.on_hand), rows.map((r) => r.version), rows.map((r) => r.needs_reconciliation)],
  );
}

/** A ledger row per change, in the order applied, each with its level after it. */
async function insertMovements(em: EntityManager, movements: readonly Movement[], recordedAt: Date): Promise<void> {
  if (movements.length === 0) return;
  const column = <T>(value: (m: Movement) => T) => movements.map(value);
  await sql(
    em,
    `insert into ${SCHEMA}.stock_movement (sku, location_id, reason, quantity, reserved_delta, incoming_delta, on_hand_after,
       available_after, version, channel, reference, actor, occurred_at, recorded_at)
     select sku, location_id, reason, quantity, 0, 0, on_hand_after, available_after, version, channel, reference, actor, occurred_at, ?
     from unnest(?::text[], ?::uuid[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
       with ordinality as t(sku, location_id, reason, quantity, on_hand_after, available_after, version, channel, reference, actor, occurred_at, n)
     order by n`,
    [
      recordedAt,
      column((m) => m.change.sku),
      column((m) => m.change.locationId),
      column((m) => m.change.reason),
      column((m) => m.change.onHand ?? 0),
      column((m) => m.level.on_hand),
      column((m) => m.level.on_hand - m.level.reserved),
      column((m) => m.level.version),
      column((m) => m.change.channel ?? null),
      column((m) => m.change.reference ?? null),
      column((m) => m.change.actor ?? null),
      column((m) => m.occurredAt),
    ],
  );
}

/** The answer's level: a detached entity, so each sale's answer keeps its own moment. */
function levelOf(row: LevelRow): InventoryLevel {
  return Object.assign(new InventoryLevel(), {
    id: row.id,
    sku: row.sku,
    locationId: row.location_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    incoming: row.incoming,
    lowStockThreshold: row.low_stock_threshold,
    version: row.version,
    needsReconciliation: row.needs_reconciliation,
    updatedAt: row.updated_at,
  });
}
