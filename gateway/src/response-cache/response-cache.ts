import { LRUCache } from 'lru-cache';

/** What a cached answer is: the `data` of a response without errors, frozen, since every hit hands out the same object. */
export type CachedData = Readonly<Record<string, unknown>>;

export interface ResponseCacheOptions {
  /** The most the entries may hold, counted as the length of their JSON. */
  maxBytes: number;
  /** The longest an entry is served, whatever happens: a safety net under invalidation. */
  maxAgeMs: number;
}

interface Entry {
  data: CachedData;
  bytes: number;
}

/**
 * Whole answers of catalog reads, kept in memory, bounded by size (least recently used go first)
 * and by age. Invalidation drops everything at once and moves a generation on: an answer is
 * stored only under the generation it started in, so a read that began before a change and
 * ends after it never lands in the cache with what it read before.
 */
export class ResponseCache {
  private current = 0;
  private readonly entries: LRUCache<string, Entry>;
  private readonly listeners = new Set<() => void>();

  constructor(readonly options: ResponseCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => entry.bytes,
      ttl: options.maxAgeMs,
    });
  }

  /** Moves on with every invalidation; read it before the work whose answer is to be stored. */
  get generation(): number {
    return this.current;
  }

  /** Entries held now (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  /** The key of one answer: the document's hash, the operation and the variables, kept apart by JSON. */
  keyOf(queryHash: string, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
    return JSON.stringify([queryHash, operationName ?? null, variables ?? {}]);
  }

  get(key: string): CachedData | undefined {
    return this.entries.get(key)?.data;
  }

  /** Keeps an answer read during `generation`; nothing when an invalidation came since, or it is larger than the whole cache. */
  set(key: string, data: Record<string, unknown>, generation: number): boolean {
    if (generation !== this.current) return false;
    const bytes = JSON.stringify(data).length;
    if (bytes > this.options.maxBytes) return false;
    this.entries.set(key, { data: deepFreeze(data), bytes });
    return true;
  }

  /** Forgets every answer: something they may show changed. */
  invalidate(): void {
    this.current += 1;
    this.entries.clear();
    for (const listener of this.listeners) listener();
  }

  /** Called on every invalidation (the gateway stops sharing subgraph reads already in flight). */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
