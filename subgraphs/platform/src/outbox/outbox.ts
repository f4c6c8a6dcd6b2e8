import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { EVENTS_CHANNEL } from '../events/event-bus';

/** NOTIFY payloads must stay under 8000 bytes; a cut one still wakes every listener, which then reads the outbox. */
const NOTIFY_CHARS = 7_900;

export interface EventInput {
  topic: string;
  key: string;
  payload: Record<string, unknown>;
}

/** What a notification says about an outbox row: enough for a listener to know what to read. */
export interface EventAnnouncement {
  id: number;
  topic: string;
  key: string;
  version?: number;
}

/**
 * Appends events to the subgraph's outbox and announces them with pg_notify, all inside the
 * caller's transaction (PostgreSQL delivers the notification only if the transaction commits),
 * in one statement: each statement is a round trip, and on a busy machine a round trip's socket
 * work costs more than what PostgreSQL does with it. The notification is the one
 * `announceEvents` sends.
 */
export async function publishEvents(em: EntityManager, schema: string, events: EventInput[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await sql<{ id: string }>(
    em,
    `with inserted as (
       insert into "${schema}"."outbox_event" (topic, key, payload, created_at)
       select * from unnest(?::text[], ?::text[], ?::jsonb[], ?::timestamptz[]) returning id, topic, key, payload
     ), announced as (
       select pg_notify(?, left(jsonb_build_object('schema', ?::text, 'events', jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
         'id', id, 'topic', topic, 'key', key,
         'version', case when jsonb_typeof(payload -> 'version') = 'number' then payload -> 'version' end
       )) order by id))::text, ${NOTIFY_CHARS}))
       from inserted
     )
     select id from inserted, announced order by id`,
    [
      events.map((e) => e.topic),
      events.map((e) => e.key),
      events.map((e) => JSON.stringify(e.payload)),
      events.map(() => new Date()),
      EVENTS_CHANNEL,
      schema,
    ],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Wakes listeners for outbox rows already written. Inside a transaction the notification goes
 * out only if it commits; after the commit (a writer that must not hold its locks through the
 * commit's NOTIFY), a lost notification only delays delivery until the readers' next poll.
 * The notification carries ids and versions only (NOTIFY payloads must stay under 8000 bytes).
 */
export async function announceEvents(em: EntityManager, schema: string, events: readonly EventAnnouncement[]): Promise<void> {
  if (events.length === 0) return;
  await sql(em, 'select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify({ schema, events }).slice(0, NOTIFY_CHARS)]);
}
