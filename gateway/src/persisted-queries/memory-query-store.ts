import { LRUCache } from 'lru-cache';
import type { QueryStore } from './query-store';

/**
 * Documents in this process's memory, bounded by their total length (least recently used go
 * first) and by each one's TTL. Another replica does not see them: the store for one gateway
 * without Redis or a database.
 */
export class MemoryQueryStore implements QueryStore {
  readonly kind = 'memory';
  private readonly documents: LRUCache<string, string>;

  constructor(maxBytes = 32_000_000) {
    this.documents = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (document) => Math.max(1, document.length) });
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.documents.get(key));
  }

  set(key: string, document: string, ttlSeconds: number): Promise<void> {
    this.documents.set(key, document, { ttl: ttlSeconds * 1_000 });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.documents.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.documents.clear();
    return Promise.resolve();
  }
}
