import type { EntityManager } from '@mikro-orm/postgresql';
import pg, { Client } from 'pg';
import type { Orm } from '../db/database';
import { sql } from '../db/sql';
import type { Logger } from '../runtime/logger';
import { startPeriodicTask, type PeriodicTask } from '../runtime/periodic-task';
import type { BusEvent } from '../events/event-bus';
import { EventContractError } from '../events/event-contract';
import { OutboxReader, type BatchPosition } from '../events/outbox-reader';

/** Any fixed number: the advisory lock namespace of durable consumers (the Redis relay has its own). */
const CONSUMER_LOCK = 7_420_002;

/**
 * Handles one event inside the transaction that moves the consumer's position past its batch, so
 * its writes and the position commit together. Throwing leaves both as they were: the whole
 * batch comes again, so a handler must tolerate a repeat. The one exception is an
 * `EventContractError` (a payload that breaks its contract): a producer's bug that no retry can
 * mend, so the consumer logs it as an error and skips the event, rather than hold up every event
 * behind it for ever.
 */
export type EventHandler = (event: BusEvent, em: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  /** Names the consumer in its position row and its lock, e.g. "promotions.customer-merges". */
  name: string;
  /** The subgraph whose outbox is read, e.g. "customers". */
  sourceSchema: string;
  /** The database holding that outbox; by default the consuming subgraph's own. */
  sourceDatabaseUrl?: string;
  /** The topics the handler is given; other events only move the position on. */
  topics: string[];
  /** Called for each event of those topics in turn, in the order of the outbox. */
  handle: EventHandler;
  /** The consuming subgraph's database: its schema holds the position table. */
  orm: Orm;
  logger: Logger;
  /** Reading without a notification, to cover a missed one; a failed batch is retried after it, then after pauses doubling to 30 s. */
  pollMs?: number;
  /** How long an id skipped by a transaction still in flight is waited for before it is given up. */
  holeTtlMs?: number;
  /** How often a replica that does not consume checks whether the one that does has gone. */
  leadRetryMs?: number;
}

/**
 * Reacts to another subgraph's events, durably: it reads that subgraph's outbox from where it
 * last stopped, not from the current end as the live buses do, so events published while no
 * replica ran are handled too.
 *
 * - At least once: a batch's handler and the new position commit in one transaction; a failed or
 *   interrupted batch is delivered again, so handlers must tolerate a repeat.
 * - Nothing skipped: the position stored is below the oldest id still awaited (an id taken by a
 *   transaction that has not committed yet), so a restart reads that id when it commits, at the
 *   cost of handing a few later events over again.
 * - One replica at a time: whoever holds a PostgreSQL advisory lock for (name, source) consumes;
 *   the lock goes with that replica's connection, and another one takes over within
 *   `leadRetryMs`, from the stored position.
 */
export class EventConsumer {
  private lockClient: Client | null = null;
  private reader: OutboxReader | null = null;
  /** A reader being stopped after its lock was lost; a new one waits for it. */
  private retiring: Promise<void> = Promise.resolve();
  private retries: PeriodicTask | null = null;
  private stopped = false;
  /** Reads the source outbox for `backlog()`, opened on the first scrape. */
  private sourcePool: pg.Pool | null = null;
  private readonly topics: Set<string>;
  private readonly logger: Logger;
  private readonly positionTable: string;
  /** The position after batches none of whose events were wanted, not stored yet. */
  private skippedTo: number | null = null;
  /** Position writes one at a time, so a late one never takes the position back. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EventConsumerOptions) {
    this.topics = new Set(options.topics);
    this.logger = options.logger.child({ consumer: options.name, source: options.sourceSchema });
    this.positionTable = `"${options.orm.config.get('schema')}".event_consumer_position`;
  }

  async start(): Promise<void> {
    await this.tryToLead();
    this.retries = startPeriodicTask(`event consumer ${this.options.name}`, this.options.leadRetryMs ?? 2_000, this.logger, async () => {
      await this.tryToLead();
      if (this.reader) await this.storeSkipped();
      return 0;
    });
  }

  /** Whether this replica is the one consuming. */
  get consuming(): boolean {
    return this.reader !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.retries?.stop();
    const reader = this.reader;
    this.reader = null;
    await reader?.stop();
    await this.retiring;
    // Still holding the lock: no other replica has moved the position on.
    if (reader) await this.storeSkipped().catch(() => {});
    // Ending the connection releases the lock, so another replica takes over at once.
    await this.lockClient?.end().catch(() => {});
    await this.sourcePool?.end().catch(() => {});
    this.sourcePool = null;
  }

  /** Names the consumer and the outbox it reads, for metrics. */
  get labels(): { consumer: string; source: string } {
    return { consumer: this.options.name, source: this.options.sourceSchema };
  }

  /**
   * What this consumer has still to handle, whichever replica consumes: the events past its
   * stored position (counted up to 10,000) and the age of the oldest of them, 0 when caught up.
   */
  async backlog(): Promise<{ pending: number; lagSeconds: number }> {
    const after = await this.storedPosition();
    this.sourcePool ??= new pg.Pool({
      connectionString: this.options.sourceDatabaseUrl ?? this.ownDatabaseUrl(),
      max: 1,
      application_name: 'outbox-backlog',
      statement_timeout: 2_000,
    });
    const { rows } = await this.sourcePool.query<{ pending: number; lag: number }>(
      `select count(*)::int as pending, coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::float8 as lag
         from (select created_at from "${this.options.sourceSchema}".outbox_event where id > $1 order by id limit 10000) past`,
      [after],
    );
    return { pending: rows[0].pending, lagSeconds: Math.max(0, rows[0].lag) };
  }

  private async tryToLead(): Promise<void> {
    if (this.reader || this.stopped) return;
    await this.retiring;
    try {
      const lock = (this.lockClient ??= await this.connectLockClient());
      const { rows } = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as locked', [
        CONSUMER_LOCK,
        `${this.options.name}@${this.options.sourceSchema}`,
      ]);
      if (!rows[0].locked) return;
      const after = await this.storedPosition();
      this.skippedTo = null;
      const reader = new OutboxReader(
        {
          databaseUrl: this.options.sourceDatabaseUrl ?? this.ownDatabaseUrl(),
          schemas: [this.options.sourceSchema],
          logger: this.logger,
          pollMs: this.options.pollMs,
          holeTtlMs: this.options.holeTtlMs ?? 10 * 60_000,
          after: { [this.options.sourceSchema]: after },
          wakeTopics: this.options.topics,
        },
        (events, position) => this.deliver(events, position),
      );
      await reader.start();
      if (this.stopped || this.lockClient !== lock) {
        // Stopped, or the lock was lost while the reader started: it must not consume.
        await reader.stop();
        return;
      }
      this.reader = reader;
      this.logger.info({ after }, 'this replica consumes the outbox');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not start consuming; trying again later');
      // Whatever was taken is let go: the lock with its connection.
      await this.lockClient?.end().catch(() => {});
      this.lockClient = null;
    }
  }

  /**
   * A batch with wanted events is handled in the transaction that stores the new position. A
   * batch of only other topics (most of an outbox, for most consumers) costs no transaction: its
   * position is stored with the next handled batch or within `leadRetryMs`, whichever is first;
   * a restart before that reads those events again and skips them again.
   */
  private async deliver(events: BusEvent[], { resumeAfter }: BatchPosition): Promise<void> {
    const wanted = events.filter((event) => this.topics.has(event.topic));
    if (wanted.length === 0) {
      this.skippedTo = resumeAfter;
      return;
    }
    // This batch stores a later position; a skipped one stored after it would take it back.
    const skipped = this.skippedTo;
    this.skippedTo = null;
    try {
      await this.serially(() =>
        this.options.orm.em.fork().transactional(async (em) => {
          for (const event of wanted) await this.handleOne(event, em);
          await this.storePosition(em, resumeAfter);
        }),
      );
    } catch (error) {
      this.skippedTo ??= skipped;
      this.logger.error(
        { err: error, eventIds: wanted.map((event) => event.id) },
        'event handler failed; the batch comes again after a pause',
      );
      throw error;
    }
  }

  private async handleOne(event: BusEvent, em: EntityManager): Promise<void> {
    try {
      await this.options.handle(event, em);
    } catch (error) {
      if (!(error instanceof EventContractError)) throw error;
      this.logger.error({ err: error, eventId: event.id, topic: event.topic }, 'event breaks its contract; skipped');
    }
  }

  /** Stores the position reached by batches of only other topics, if it has moved since. */
  private async storeSkipped(): Promise<void> {
    const position = this.skippedTo;
    if (position === null) return;
    await this.serially(() => this.storePosition(this.options.orm.em.fork(), position));
    if (this.skippedTo === position) this.skippedTo = null;
  }

  private storePosition(em: EntityManager, position: number): Promise<unknown> {
    return sql(em, `update ${this.positionTable} set position = ?, updated_at = now() where consumer = ? and source_schema = ?`, [
      position,
      this.options.name,
      this.options.sourceSchema,
    ]);
  }

  private serially<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writes.then(write);
    this.writes = result.catch(() => {});
    return result;
  }

  /** The stored position, starting at the beginning of the outbox the first time. */
  private async storedPosition(): Promise<number> {
    const em = this.options.orm.em.fork();
    const key = [this.options.name, this.options.sourceSchema];
    await sql(
      em,
      `insert into ${this.positionTable} (consumer, source_schema, position, updated_at) values (?, ?, 0, now()) on conflict do nothing`,
      key,
    );
    const [row] = await sql<{ position: string }>(
      em,
      `select position from ${this.positionTable} where consumer = ? and source_schema = ?`,
      key,
    );
    return Number(row.position);
  }

  private ownDatabaseUrl(): string {
    return this.options.orm.config.get('clientUrl') ?? '';
  }

  private async connectLockClient(): Promise<Client> {
    const client = new Client({ connectionString: this.ownDatabaseUrl(), application_name: 'event-consumer-lock', keepAlive: true });
    client.on('error', (error) => this.logger.warn({ err: error }, 'consumer lock connection error'));
    client.on('end', () => {
      // The lock went with the connection: stop consuming; the retry timer tries to lead again.
      if (this.lockClient === client) this.lockClient = null;
      const reader = this.reader;
      this.reader = null;
      if (reader) this.retiring = reader.stop();
    });
    await client.connect();
    return client;
  }
}
