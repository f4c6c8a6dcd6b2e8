import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from '#platform/db';
import { freePort } from './free-port';

/**
 * Runs `work` against an empty database that is thrown away afterwards: on the server of
 * DATABASE_URL when set, otherwise on a temporary embedded PostgreSQL.
 */
export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  if (process.env.DATABASE_URL) {
    const adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    await ensureDatabase(adminUrl, name);
    try {
      return await work(withDatabase(adminUrl, name));
    } finally {
      await dropDatabase(adminUrl, name);
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'commerce-scratch-'));
  await chmod(dir, 0o755); // PostgreSQL may run as another user (see startEmbeddedPostgres)
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), persistent: false });
  try {
    await ensureDatabase(server.adminUrl, name);
    return await work(server.urlFor(name));
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
