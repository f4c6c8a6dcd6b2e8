/**
 * Where persisted query documents live, keyed by Apollo's key (`apq:<sha256>`). A store may
 * fail (a database or Redis that is down); PersistedQueryCache turns its failures into misses.
 */
export interface QueryStore {
  /** Names the store in logs: `redis`, `postgres` or `memory`. */
  readonly kind: string;
  /** The document stored under `key` and not yet expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `document` under `key` for `ttlSeconds`, replacing what was there. */
  set(key: string, document: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
