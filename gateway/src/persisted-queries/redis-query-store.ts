import { Redis } from 'ioredis';
import type { QueryStore } from './query-store';

/**
 * Documents in Redis (REDIS_URL), shared by every replica, each key expiring with its TTL
 * (`SET … EX`). A command waits at most half a second, so a Redis that is down costs a request
 * a short wait and a miss, never a hang.
 */
export class RedisQueryStore implements QueryStore {
  readonly kind = 'redis';
  private readonly redis: Redis;

  constructor(redisUrl: string, onError: (error: Error) => void) {
    // disconnectTimeout: closing while Redis is down otherwise holds the process 2 s on a socket that is gone already.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 500, disconnectTimeout: 200 });
    // Without a listener ioredis prints each failed reconnect; PersistedQueryCache reports an outage once.
    this.redis.on('error', onError);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`gateway:${key}`)) ?? undefined;
  }

  async set(key: string, document: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`gateway:${key}`, document, 'EX', ttlSeconds);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(`gateway:${key}`);
  }

  close(): Promise<void> {
    // quit waits for a connection that may never come back; disconnect does not.
    this.redis.disconnect();
    return Promise.resolve();
  }
}
