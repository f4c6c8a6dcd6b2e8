import type { PersistedQueryOptions } from '@apollo/server';
import type { Logger } from '#platform/runtime';
import type { QueryStore } from './query-store';

/** Apollo's KeyValueCache, as its `persistedQueries.cache` option takes it. */
type KeyValueCache = NonNullable<PersistedQueryOptions['cache']>;

/**
 * The only keys Apollo can ask for once a document was registered: its `apq:` prefix and the
 * lowercase hex SHA-256 it checked the document against. Any other hash was never stored, so
 * looking it up would only load the store.
 */
const PERSISTED_KEY = /^apq:[0-9a-f]{64}$/;

export interface PersistedQueryCacheOptions {
  /** How long a registered document is kept; a client registers it again after that. */
  ttlSeconds: number;
  /** Documents longer than this (the request body limit) are never stored. */
  maxDocumentBytes: number;
  logger: Logger;
  /** After a failure the store is left alone this long, each request a miss without waiting on it. */
  retryAfterMs?: number;
}

/**
 * Apollo's persisted query cache over a QueryStore, bounded and never failing a request: entries
 * expire after `ttlSeconds`, an oversized document is not stored, and a store that fails answers
 * a miss (Apollo then says PERSISTED_QUERY_NOT_FOUND and the client sends the whole document,
 * which is served). An outage is logged once, when it starts, and once more when it ends.
 */
export class PersistedQueryCache implements KeyValueCache {
  private downUntil = 0;
  private down = false;

  constructor(
    readonly store: QueryStore,
    readonly options: PersistedQueryCacheOptions,
  ) {}

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  async get(key: string): Promise<string | undefined> {
    if (!PERSISTED_KEY.test(key)) return undefined;
    return this.guard(() => this.store.get(key), undefined);
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    if (!PERSISTED_KEY.test(key) || Buffer.byteLength(value) > this.options.maxDocumentBytes) return;
    // Apollo passes the TTL it was given (ours); never keep a document longer than that, nor forever.
    const ttl = options?.ttl && options.ttl > 0 ? Math.min(options.ttl, this.options.ttlSeconds) : this.options.ttlSeconds;
    await this.guard(() => this.store.set(key, value, Math.ceil(ttl)), undefined);
  }

  async delete(key: string): Promise<boolean> {
    if (!PERSISTED_KEY.test(key)) return false;
    return this.guard(async () => {
      await this.store.delete(key);
      return true;
    }, false);
  }

  /** Reported by the store's own connection (a dropped idle connection, a failed reconnect). */
  readonly reportError = (error: Error): void => this.failed(error);

  close(): Promise<void> {
    return this.store.close();
  }

  private async guard<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    if (this.down && Date.now() < this.downUntil) return fallback;
    try {
      const result = await operation();
      if (this.down) {
        this.down = false;
        this.options.logger.info({ store: this.store.kind }, 'persisted query store available again');
      }
      return result;
    } catch (error) {
      this.failed(error);
      return fallback;
    }
  }

  private failed(error: unknown): void {
    this.downUntil = Date.now() + (this.options.retryAfterMs ?? 5_000);
    if (this.down) return;
    this.down = true;
    this.options.logger.warn(
      { err: error, store: this.store.kind },
      'persisted query store unavailable: hashes are misses and registrations are dropped until it answers again',
    );
  }
}
