/** Automatic persisted queries in a store every gateway replica shares. */
export { createPersistedQueryCache, type PersistedQuerySettings } from './persisted-query-store-factory';
export { PersistedQueryCache, type PersistedQueryCacheOptions } from './persisted-query-cache';
export { MemoryQueryStore } from './memory-query-store';
export { PostgresQueryStore } from './postgres-query-store';
export { RedisQueryStore } from './redis-query-store';
export type { QueryStore } from './query-store';
