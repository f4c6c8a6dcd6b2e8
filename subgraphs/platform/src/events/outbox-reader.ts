import { Client } from 'pg';
import type { Logger } from '../runtime/logger';
import { EVENTS_CHANNEL, type BusEvent } from './event-bus';

/** A row of a subgraph's outbox table, as pg returns it (bigint ids as strings). */
interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

export interface OutboxReaderOptions {
  databaseUrl: string;
  schemas: string[];
  logger: Logger;
  /** Poll even without a notification, to cover a lost NOTIFY or a dead listening connection. */
  pollMs?: number;
  /** How long an id skipped by a slower transaction is looked for before it is given up. */
  holeTtlMs?: number;
  /** Start after this id instead of at the current end of the outbox. */
  after?: Record<string, number>;
  /**
   * The topics wanted, when not all: a notification naming only other topics (or another
   * schema's outbox) does not wake the reader, and the next poll reads those events.
   */
  wakeTopics?: readonly string[];
}

interface Hole {
  id: number;
  since: number;
}

/** Where a batch leaves reading one schema. */
export interface BatchPosition {
  schema: string;
  /**
   * Every id up to this one has been delivered (or given up as a hole), this batch included:
   * below the oldest hole still looked for, so a reader started after it misses nothing.
   */
  resumeAfter: number;
}

/** Every id up to the result was delivered or given up: below the oldest hole still looked for. */
function resumeAfter(last: number, holes: readonly Hole[]): number {
  return holes.reduce((lowest, hole) => Math.min(lowest, hole.id - 1), last);
}

/** The longest pause before a batch whose delivery failed is tried again. */
const MAX_RETRY_DELAY_MS = 30_000;

/** The consumer of a batch threw; the batch was not delivered. */
class DeliveryFailed extends Error {
  override readonly name = 'DeliveryFailed';
  constructor(override readonly cause: unknown) {
    super('outbox delivery failed');
  }
}

/**
 * Reads committed outbox rows in id order, woken by LISTEN and by a periodic poll. Ids are
 * taken at insert but visible at commit, so a row can appear after a higher id was already read:
 * the ids skipped over are remembered as holes and looked for again until they expire (a
 * rolled-back transaction leaves a hole for ever).
 */
export class OutboxReader {
  private listener: Client | null = null;
  private reader: Client | null = null;
  private readonly last = new Map<string, number>();
  private readonly holes = new Map<string, Hole[]>();
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> = Promise.resolve();
  private pending = false;
  private stopped = false;
  /** Failed deliveries in a row, and when the next attempt may be made. */
  private failures = 0;
  private retryAt = 0;

  constructor(
    private readonly options: OutboxReaderOptions,
    private readonly deliver: (events: BusEvent[], position: BatchPosition) => void | Promise<void>,
  ) {}

  async start(): Promise<void> {
    this.reader = await this.connect();
    for (const schema of this.options.schemas) {
      const { rows } = await this.reader.query<{ id: string }>(`select coalesce(max(id), 0) as id from "${schema}".outbox_event`);
      const end = Number(rows[0].id);
      // A stored position past the end belongs to another (restored or recreated) database.
      const start = this.options.after?.[schema];
      this.last.set(schema, start !== undefined && start <= end ? start : end);
    }
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.reading.catch(() => {});
    await Promise.all([this.listener?.end().catch(() => {}), this.reader?.end().catch(() => {})]);
  }

  /** Reads soon; reads already running are followed by exactly one more. */
  wake(): void {
    if (this.stopped) return;
    if (this.pending) return;
    this.pending = true;
    this.reading = this.reading.then(async () => {
      this.pending = false;
      // Every outbox write anywhere notifies: a failing consumer must not be retried at that rate.
      if (Date.now() < this.retryAt) return;
      try {
        await this.read();
        this.failures = 0;
      } catch (error) {
        // A consumer that threw says nothing about the connection: keep it, read the batch again later.
        if (error instanceof DeliveryFailed) {
          this.failures += 1;
          const retryInMs = Math.min((this.options.pollMs ?? 1_000) * 2 ** (this.failures - 1), MAX_RETRY_DELAY_MS);
          this.retryAt = Date.now() + retryInMs;
          this.options.logger.warn({ err: error.cause, retryInMs }, 'outbox delivery failed; the batch is read again after a pause');
          return;
        }
        this.options.logger.warn({ err: error }, 'outbox read failed; retrying on the next poll');
        await this.reconnectReader();
      }
    });
  }

  private async read(): Promise<void> {
    for (const schema of this.options.schemas) {
      for (;;) {
        const after = this.last.get(schema) ?? 0;
        const holes = this.expireHoles(schema);
        const { rows } = await (this.reader as Client).query<OutboxRow>(
          `select id, topic, key, payload, created_at from "${schema}".outbox_event
           where id > $1 or id = any($2::bigint[]) order by id limit 1000`,
          [after, holes.map((h) => h.id)],
        );
        if (rows.length === 0) break;
        const events: BusEvent[] = rows.map((r) => ({
          id: Number(r.id),
          schema,
          topic: r.topic,
          key: r.key,
          payload: r.payload,
          createdAt: new Date(r.created_at).toISOString(),
        }));
        const next = this.nextPosition(
          schema,
          after,
          events.map((e) => e.id),
        );
        try {
          await this.deliver(events, { schema, resumeAfter: resumeAfter(next.last, next.holes) });
        } catch (error) {
          throw new DeliveryFailed(error);
        }
        // Only once delivered: a failed delivery is read again on the next wake.
        this.holes.set(schema, next.holes);
        this.last.set(schema, next.last);
        if (rows.length < 1000) break;
      }
    }
  }

  /** Where reading goes on after these ids, and the ids skipped over to look for again. */
  private nextPosition(schema: string, after: number, ids: number[]): { last: number; holes: Hole[] } {
    const found = new Set(ids);
    const now = Date.now();
    const holes = (this.holes.get(schema) ?? []).filter((h) => !found.has(h.id));
    let previous = after;
    for (const id of ids.filter((i) => i > after)) {
      for (let missing = previous + 1; missing < id && missing - previous < 10_000; missing += 1) holes.push({ id: missing, since: now });
      previous = Math.max(previous, id);
    }
    return { last: previous, holes };
  }

  private expireHoles(schema: string): Hole[] {
    const ttl = this.options.holeTtlMs ?? 30_000;
    const alive = (this.holes.get(schema) ?? []).filter((h) => Date.now() - h.since < ttl);
    this.holes.set(schema, alive);
    return alive;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'outbox-reader' });
    client.on('error', (error) => this.options.logger.warn({ err: error }, 'outbox connection error'));
    await client.connect();
    return client;
  }

  private async listen(): Promise<void> {
    let listener: Client | null = null;
    try {
      listener = await this.connect();
      listener.on('notification', (message) => {
        if (this.concerns(message.payload)) this.wake();
      });
      const current = listener;
      listener.on('end', () => {
        if (this.stopped || this.listener !== current) return;
        this.options.logger.warn('outbox LISTEN connection closed; polling until it is back');
        setTimeout(() => void this.listen(), 1_000).unref();
      });
      await listener.query(`listen ${EVENTS_CHANNEL}`);
      this.listener = listener;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'outbox LISTEN failed; polling until it works');
      // End the half-set-up client, so neither it nor its 'end' handler lingers.
      await listener?.end().catch(() => {});
      if (!this.stopped) setTimeout(() => void this.listen(), 1_000).unref();
    }
  }

  /**
   * Whether a notification may announce something this reader is waiting for: every subgraph
   * notifies on one channel, so most name another schema or, for a consumer, topics it skips.
   * A payload that cannot be read (cut at 7,900 bytes) wakes it.
   */
  private concerns(payload: string | undefined): boolean {
    let announced: { schema?: unknown; events?: { topic?: unknown }[] };
    try {
      announced = JSON.parse(payload ?? '') as typeof announced;
    } catch {
      return true;
    }
    if (typeof announced.schema !== 'string' || !Array.isArray(announced.events)) return true;
    if (!this.options.schemas.includes(announced.schema)) return false;
    const topics = this.options.wakeTopics;
    return !topics || announced.events.some((event) => typeof event.topic !== 'string' || topics.includes(event.topic));
  }

  private async reconnectReader(): Promise<void> {
    await this.reader?.end().catch(() => {});
    try {
      this.reader = await this.connect();
    } catch {
      // The next poll tries again.
    }
  }
}
