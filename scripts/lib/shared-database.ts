import { join } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, withAdminClient } from '#platform/db';
import type { loadScriptConfig } from './database-config';

export const DATABASE_NAME = 'commerce';

export interface SharedDatabase {
  url: string;
  /** Whether this process started the embedded PostgreSQL (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the system runs on: DATABASE_URL when set, else the embedded PostgreSQL under
 * DATA_DIR, started here, or reused when another command (`npm start`) already runs it.
 */
export async function openSharedDatabase(
  config: ReturnType<typeof loadScriptConfig>,
  log: (line: string) => void,
): Promise<SharedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };

  const server = await startOrReuse(config, log);
  await ensureDatabase(server.adminUrl, DATABASE_NAME);
  return { url: server.urlFor(DATABASE_NAME), embedded: server.owned, stop: server.stop };
}

async function startOrReuse(config: ReturnType<typeof loadScriptConfig>, log: (line: string) => void) {
  const dataDir = join(config.dataDir, 'postgres');
  const running = await isRunning(config, dataDir);
  if (running) {
    log(`PostgreSQL: reusing the embedded server already running on port ${config.embeddedPostgresPort}`);
    return { ...running, owned: false, stop: async () => {} };
  }
  log(`PostgreSQL: starting the embedded server (data in ${dataDir}, port ${config.embeddedPostgresPort})`);
  const server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPostgresPort, persistent: true });
  return { ...server, owned: true };
}

/** An embedded server of this data directory that another process already started. */
async function isRunning(config: ReturnType<typeof loadScriptConfig>, dataDir: string) {
  const { readFile } = await import('node:fs/promises');
  const password = await readFile(`${dataDir}.password`, 'utf8').then(
    (p) => p.trim(),
    () => null,
  );
  if (!password) return null;
  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPostgresPort}/${database}`;
  try {
    await withAdminClient(urlFor('postgres'), (client) => client.query('select 1'));
    return { adminUrl: urlFor('postgres'), urlFor };
  } catch {
    return null;
  }
}
