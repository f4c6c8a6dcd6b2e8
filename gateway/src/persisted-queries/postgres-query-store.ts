import pg from 'pg';
import type { QueryStore } from './query-store';

/** Expired rows are deleted at most this often, by the replica that registers a document. */
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Documents in PostgreSQL, shared by every replica: table `gateway.persisted_query`, created on
 * first use. A row past its `expires_at` is never read and is deleted by a later registration.
 * A small pool with short connection and statement timeouts, so a database that is down costs
 * a request a short wait and a miss.
 */
export class PostgresQueryStore implements QueryStore {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  private ready: Promise<void> | null = null;
  private prunedAt = Date.now();

  constructor(databaseUrl: string, onError: (error: Error) => void, poolMax = 3) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, statement_timeout: 1_000, connectionTimeoutMillis: 1_000 });
    // An idle connection the server drops emits here; unheard, it would end the process.
    this.pool.on('error', onError);
  }

  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        // Replicas starting together would otherwise race on the catalog rows `create … if not exists` adds.
        await client.query('begin');
        await client.query("select pg_advisory_xact_lock(hashtext('gateway.persisted_query'))");
        await client.query('create schema if not exists gateway');
        await client.query(
          `create table if not exists gateway.persisted_query (
             key text primary key, document text not null, expires_at timestamptz not null)`,
        );
        await client.query('create index if not exists persisted_query_expires_at on gateway.persisted_query (expires_at)');
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async get(key: string): Promise<string | undefined> {
    await this.prepare();
    const { rows } = await this.pool.query<{ document: string }>(
      'select document from gateway.persisted_query where key = $1 and expires_at > now()',
      [key],
    );
    return rows[0]?.document;
  }

  async set(key: string, document: string, ttlSeconds: number): Promise<void> {
    await this.prepare();
    await this.pool.query(
      `insert into gateway.persisted_query (key, document, expires_at) values ($1, $2, now() + make_interval(secs => $3))
       on conflict (key) do update set document = excluded.document, expires_at = excluded.expires_at`,
      [key, document, ttlSeconds],
    );
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.pool.query('delete from gateway.persisted_query where expires_at < now()');
    }
  }

  async delete(key: string): Promise<void> {
    await this.prepare();
    await this.pool.query('delete from gateway.persisted_query where key = $1', [key]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
