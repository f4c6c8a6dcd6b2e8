import { Redis } from 'ioredis';
import pg from 'pg';

/** One leaky bucket: it holds at most `maximumAvailable` cost points and refills `restoreRate` a second. */
export interface BucketSettings {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleSettings {
  /** Anonymous callers (per address), customers and kiosks (per token subject). */
  clients: BucketSettings;
  /** Staff, managers and admins (per token subject). */
  staff: BucketSettings;
  /** The least a request is charged, so a flood of tiny queries drains the bucket too. */
  minimumCost: number;
}

/** What a client is told in `extensions.cost.throttleStatus`, as Shopify tells it. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  status: ThrottleStatus;
  /** Whole seconds until the refused request would fit; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Where the buckets live, shared by every gateway replica. */
export interface BucketStore {
  /** Takes `cost` points from `key`'s bucket if they are there; answers the points left either way. */
  take(key: string, cost: number, bucket: BucketSettings): Promise<{ allowed: boolean; available: number }>;
  close(): Promise<void>;
}

/**
 * Buckets in PostgreSQL: one row per client holding the points used and when, drained by the
 * time passed and charged in one upsert, so concurrent replicas never lose a charge.
 */
export class PostgresBucketStore implements BucketStore {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | null = null;

  constructor(databaseUrl: string, poolMax = 5) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, statement_timeout: 2_000, connectionTimeoutMillis: 2_000 });
  }

  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      await this.pool.query('create schema if not exists gateway');
      await this.pool.query(
        `create table if not exists gateway.cost_bucket (
           client text primary key, used double precision not null, updated_at timestamptz not null, allowed boolean not null)`,
      );
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async take(key: string, cost: number, bucket: BucketSettings): Promise<{ allowed: boolean; available: number }> {
    await this.prepare();
    // What is still used once the time since the last charge has drained it.
    const drained = 'greatest(0, b.used - extract(epoch from clock_timestamp() - b.updated_at) * $4::float8)';
    const { rows } = await this.pool.query<{ used: number; allowed: boolean }>(
      `insert into gateway.cost_bucket as b (client, used, updated_at, allowed)
         values ($1, case when $2::float8 <= $3::float8 then $2::float8 else 0 end, clock_timestamp(), $2::float8 <= $3::float8)
       on conflict (client) do update set
         allowed = ${drained} + $2::float8 <= $3::float8,
         used = ${drained} + case when ${drained} + $2::float8 <= $3::float8 then $2::float8 else 0 end,
         updated_at = clock_timestamp()
       returning used, allowed`,
      [key, cost, bucket.maximumAvailable, bucket.restoreRate],
    );
    return { allowed: rows[0].allowed, available: Math.max(0, bucket.maximumAvailable - rows[0].used) };
  }

  /** Forgets buckets that have been full again for a while; returns how many. */
  async prune(): Promise<number> {
    await this.prepare();
    const { rowCount } = await this.pool.query("delete from gateway.cost_bucket where updated_at < now() - interval '1 hour'");
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const TAKE_SCRIPT = `
local used = tonumber(redis.call('HGET', KEYS[1], 'u') or '0')
local at = tonumber(redis.call('HGET', KEYS[1], 't') or '0')
local cost, cap, rate = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
local drained = math.max(0, used - (now - at) * rate)
local allowed = drained + cost <= cap
if allowed then drained = drained + cost end
redis.call('HSET', KEYS[1], 'u', tostring(drained), 't', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(cap / rate) + 1)
return { allowed and 1 or 0, tostring(drained) }
`;

/** Buckets in Redis (REDIS_URL): the same leaky bucket, charged atomically by a script, expiring once full again. */
export class RedisBucketStore implements BucketStore {
  private readonly redis: Redis;

  constructor(redisUrl: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  }

  async take(key: string, cost: number, bucket: BucketSettings): Promise<{ allowed: boolean; available: number }> {
    const [allowed, used] = (await this.redis.eval(
      TAKE_SCRIPT,
      1,
      `gateway:cost:${key}`,
      cost,
      bucket.maximumAvailable,
      bucket.restoreRate,
    )) as [number, string];
    return { allowed: allowed === 1, available: Math.max(0, bucket.maximumAvailable - Number(used)) };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** Roles with the staff budget. */
const STAFF_ROLES = new Set(['STAFF', 'MANAGER', 'ADMIN']);

/**
 * The per-client cost budget: each request is charged its requested cost (at least
 * `minimumCost`) from its client's bucket, keyed by the token's subject or, without a token, by
 * the client's address; a request the bucket cannot pay for is refused with THROTTLED.
 */
export class Throttle {
  constructor(
    private readonly store: BucketStore,
    readonly settings: ThrottleSettings,
  ) {}

  bucketFor(role: string): BucketSettings {
    return STAFF_ROLES.has(role) ? this.settings.staff : this.settings.clients;
  }

  async charge(client: { role: string; subject: string | null; address: string }, cost: number): Promise<ThrottleDecision> {
    const bucket = this.bucketFor(client.role);
    const key = client.subject ? `${client.role.toLowerCase()}:${client.subject}` : `address:${client.address}`;
    const charged = Math.max(cost, this.settings.minimumCost);
    const { allowed, available } = await this.store.take(key, charged, bucket);
    const status = {
      maximumAvailable: bucket.maximumAvailable,
      currentlyAvailable: Math.floor(available),
      restoreRate: bucket.restoreRate,
    };
    const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((charged - available) / bucket.restoreRate));
    return { allowed, status, retryAfterSeconds };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
