import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Orm } from './database';
import { sql } from './sql';

export interface RateLimit {
  /** Keeps one limit's counters apart from another's in the shared table. */
  name: string;
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
}

/**
 * A limit shared by every replica of a subgraph: counters live in the subgraph's own
 * `rate_limit` table (see RateLimitCounter), so N replicas do not allow N times the attempts.
 */
export class SharedRateLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    orm: Orm,
    schema: string,
    readonly limit: RateLimit,
  ) {
    this.limiter = new RateLimiterPostgres({
      storeClient: orm.em.getConnection().getKnex(),
      storeType: 'knex',
      schemaName: schema,
      tableName: 'rate_limit',
      tableCreated: true,
      // The library's own hourly sweep is a timer that keeps processes (and test workers)
      // alive; housekeeping prunes spent counters instead (pruneRateLimitCounters).
      clearExpiredByTimeout: false,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowSeconds,
    });
  }

  /** Counts one attempt; the milliseconds until the next is allowed when the limit is used up, else null. */
  async consume(key: string, points = 1): Promise<number | null> {
    try {
      await this.limiter.consume(key, points);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return error.msBeforeNext;
      throw error;
    }
  }

  /** Gives attempts back (a success should not count against the caller). */
  async reward(key: string, points = 1): Promise<void> {
    await this.limiter.reward(key, points);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/** Deletes counters whose window ended over an hour ago; returns how many. */
export async function pruneRateLimitCounters(em: EntityManager, schema: string): Promise<number> {
  const rows = await sql<{ key: string }>(em, `delete from "${schema}"."rate_limit" where expire < ? returning key`, [
    Date.now() - 3_600_000,
  ]);
  return rows.length;
}
