import type { Redis } from 'ioredis';
import { Client } from 'pg';
import type { Logger } from '../runtime/logger';
import { HandlerSet, type BusEvent, type BusHandler, type EventBus } from './event-bus';
import { OutboxReader } from './outbox-reader';

/** Any fixed number: the advisory lock that makes one replica the relay. */
const RELAY_LOCK = 7_420_001;

export interface RedisEventBusOptions {
  redisUrl: string;
  databaseUrl: string;
  schemas: string[];
  logger: Logger;
  pollMs?: number;
}

/**
 * For many replicas: one of them (whoever holds a PostgreSQL advisory lock) relays the outbox
 * to a Redis channel, and every replica, the relay included, takes events from Redis. Should
 * the relay die, its lock goes with its connection and another replica takes over from the
 * position the relay last stored in Redis, so nothing is skipped (a repeat is possible and is
 * dropped downstream by version).
 */
export class RedisEventBus implements EventBus {
  private readonly handlers = new HandlerSet();
  private subscriber: Redis | null = null;
  private publisher: Redis | null = null;
  private lockClient: Client | null = null;
  private relay: OutboxReader | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Channel and position key are per database, so systems sharing a Redis never mix. */
  private channel = '';
  private positionKey = '';

  constructor(private readonly options: RedisEventBusOptions) {}

  async start(): Promise<void> {
    this.lockClient = await this.connectLockClient();
    const { rows } = await this.lockClient.query<{ db: string; sys: string }>(
      `select current_database() as db, (select system_identifier from pg_control_system()) as sys`,
    );
    this.channel = `commerce:events:${rows[0].sys}:${rows[0].db}`;
    this.positionKey = `${this.channel}:position`;
    // Loaded here: a process on PostgreSQL's bus never needs the Redis client's modules.
    const { Redis } = await import('ioredis');
    this.publisher = new Redis(this.options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(this.options.redisUrl, { lazyConnect: true });
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (_channel: string, message: string) => {
      this.handlers.emit(JSON.parse(message) as BusEvent[], (error) => this.options.logger.error({ err: error }, 'event handler failed'));
    });
    await this.subscriber.subscribe(this.channel);
    await this.tryToLead();
    this.timer = setInterval(() => void this.tryToLead(), 2_000);
    this.timer.unref();
  }

  subscribe(handler: BusHandler): () => void {
    return this.handlers.add(handler);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.relay?.stop();
    await this.lockClient?.end().catch(() => {});
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  private async tryToLead(): Promise<void> {
    if (this.relay || this.stopped) return;
    try {
      this.lockClient ??= await this.connectLockClient();
      const { rows } = await this.lockClient.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [RELAY_LOCK]);
      if (!rows[0].locked) return;
      const stored = await (this.publisher as Redis).get(this.positionKey);
      // Stored below any id still in flight, so a successor re-reads an event that commits late.
      const resume: Record<string, number> = stored ? (JSON.parse(stored) as Record<string, number>) : {};
      const relay = new OutboxReader({ ...this.options, after: stored ? { ...resume } : undefined }, async (events, position) => {
        await (this.publisher as Redis).publish(this.channel, JSON.stringify(events));
        resume[position.schema] = position.resumeAfter;
        await (this.publisher as Redis).set(this.positionKey, JSON.stringify(resume));
      });
      await relay.start();
      this.relay = relay;
      this.options.logger.info('this replica relays the outbox to Redis');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not take the outbox relay; another replica holds it or the database is away');
      await this.lockClient?.end().catch(() => {});
      this.lockClient = null;
    }
  }

  private async connectLockClient(): Promise<Client> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'outbox-relay-lock' });
    client.on('error', () => {});
    client.on('end', () => {
      // Lost the lock with the connection: stop relaying; the timer tries to lead again.
      if (this.lockClient === client) this.lockClient = null;
      const relay = this.relay;
      this.relay = null;
      void relay?.stop();
    });
    await client.connect();
    return client;
  }
}
