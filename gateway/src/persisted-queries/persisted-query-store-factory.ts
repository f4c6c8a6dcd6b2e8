import type { Logger } from '#platform/runtime';
import { MemoryQueryStore } from './memory-query-store';
import { PersistedQueryCache } from './persisted-query-cache';
import { PostgresQueryStore } from './postgres-query-store';
import type { QueryStore } from './query-store';
import { RedisQueryStore } from './redis-query-store';

export interface PersistedQuerySettings {
  /** How long a registered document is kept (PERSISTED_QUERY_TTL_S). */
  ttlSeconds: number;
  /** The largest request body; no longer document is stored. */
  maxDocumentBytes: number;
  /** Redis shared by the replicas; first choice. */
  redisUrl?: string;
  /** PostgreSQL shared by the replicas, when there is no Redis. */
  databaseUrl?: string;
}

/**
 * The persisted query cache every replica shares: in Redis when there is one, else in
 * PostgreSQL, else (one gateway on its own) in this process's memory. A client that registered
 * a document with one replica is then served by hash by any other.
 */
export function createPersistedQueryCache(settings: PersistedQuerySettings, logger: Logger): PersistedQueryCache {
  // The store's connection reports failures to the cache, which exists only once the store does.
  let report: (error: Error) => void = () => undefined;
  const onError = (error: Error) => report(error);
  let store: QueryStore;
  if (settings.redisUrl) store = new RedisQueryStore(settings.redisUrl, onError);
  else if (settings.databaseUrl) store = new PostgresQueryStore(settings.databaseUrl, onError);
  else store = new MemoryQueryStore();
  const cache = new PersistedQueryCache(store, { ttlSeconds: settings.ttlSeconds, maxDocumentBytes: settings.maxDocumentBytes, logger });
  report = cache.reportError;
  return cache;
}
