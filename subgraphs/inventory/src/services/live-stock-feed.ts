import type { StreamLimits } from '#contracts/inventory';
import { EventFeed, PostgresEventBus, type EventBus } from '#platform/events';
import type { Logger } from '#platform/runtime';
import { SCHEMA } from '../constants';

/** As the gateway's: a subscriber's queue is coalesced per level above 256 items and ended above 10,000 levels. */
export const LIVE_STOCK_LIMITS: StreamLimits = { coalesceAbove: 256, maxQueued: 10_000 };

/**
 * Inventory's own outbox, read for its subscribers (LISTEN/NOTIFY and a poll, as the gateway
 * reads it). Started by the first subscriber, so a replica nobody subscribes to reads nothing.
 */
export class LiveStockFeed {
  private feed: Promise<EventFeed> | null = null;
  private readonly bus: EventBus;

  constructor(options: { databaseUrl: string; logger: Logger; pollMs?: number }) {
    this.bus = new PostgresEventBus({ ...options, schemas: [SCHEMA] });
  }

  /** The feed, reading from the outbox's end by the time it resolves. */
  started(): Promise<EventFeed> {
    this.feed ??= this.bus.start().then(
      () => new EventFeed(this.bus),
      (error: unknown) => {
        this.feed = null;
        throw error;
      },
    );
    return this.feed;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    if (!this.feed) return;
    const feed = await this.feed.catch(() => null);
    this.feed = null;
    feed?.close();
    await this.bus.stop();
  }
}
