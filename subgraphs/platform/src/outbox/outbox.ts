import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { EVENTS_CHANNEL } from '../events/event-bus';

export interface EventInput {
  topic: string;
  key: string;
  payload: Record<string, unknown>;
}

/**
 * Appends events to the subgraph's outbox and announces them with pg_notify, all inside the
 * caller's transaction: PostgreSQL delivers the notification only if the transaction commits.
 * The notification carries ids and versions only (NOTIFY payloads must stay under 8000 bytes).
 */
export async function publishEvents(em: EntityManager, schema: string, events: EventInput[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await sql<{ id: string }>(
    em,
    `insert into "${schema}"."outbox_event" (topic, key, payload, created_at)
     select * from unnest(?::text[], ?::text[], ?::jsonb[], ?::timestamptz[]) returning id`,
    [events.map((e) => e.topic), events.map((e) => e.key), events.map((e) => JSON.stringify(e.payload)), events.map(() => new Date())],
  );
  const ids = rows.map((r) => Number(r.id));
  const version = (e: EventInput) => (typeof e.payload.version === 'number' ? e.payload.version : undefined);
  await sql(em, 'select pg_notify(?, ?)', [
    EVENTS_CHANNEL,
    JSON.stringify({ schema, events: events.map((e, i) => ({ id: ids[i], topic: e.topic, key: e.key, version: version(e) })) }).slice(
      0,
      7900,
    ),
  ]);
  return ids;
}
