import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../subgraphs/platform/src/db/embedded-postgres';
import { freePort } from '../../scripts/lib/free-port';

declare global {
  var __EMBEDDED_POSTGRES__: { server: EmbeddedPostgres; dir: string } | undefined;
}

/**
 * Starts one embedded PostgreSQL for the whole run under the OS temp folder (reachable by the
 * `postgres` user when running as root), unless TEST_DATABASE_URL names a server to use.
 * Workers inherit TEST_DATABASE_ADMIN_URL and make a database of their own per test file.
 */
export default async function globalSetup(): Promise<void> {
  // Names this run's template databases (test/support/database.ts), so a shared server never hands out another run's.
  process.env.TEST_RUN_ID = randomBytes(4).toString('hex');
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = '/postgres';
    process.env.TEST_DATABASE_ADMIN_URL = url.toString();
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'commerce-test-'));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), persistent: false });
  globalThis.__EMBEDDED_POSTGRES__ = { server, dir };
  process.env.TEST_DATABASE_ADMIN_URL = server.adminUrl;
}
