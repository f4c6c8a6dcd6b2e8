import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { startInProcessSubgraphs } from '../../scripts/lib/in-process-system';
import { createTestDatabase, type TestDatabase } from './database';
import { startGateway, type GatewayHarness, type GatewayTestOptions } from './gateway';
import { TEST_JWT_SECRET, TEST_JWT_SECRET_TEXT } from './tokens';

export interface SupergraphHarness {
  db: TestDatabase;
  gateway: GatewayHarness;
  /** Each subgraph's own endpoint, for calls a gateway would never make. */
  urls: Record<string, string>;
  /** Each subgraph's server, for reading its tables in assertions. */
  servers: Record<string, SubgraphServer>;
  /** The shared secret the gateway sends; direct calls need it too. */
  gatewaySecret: string;
  /** Where the orders and customers subgraphs write customer mail (readMailbox reads it). */
  mailDirectory: string;
  close(): Promise<void>;
}

/**
 * The whole system in this process, as `npm start` wires it: the demo business seeded into one
 * fresh database, the five subgraphs on free ports sharing one token secret and requiring the
 * gateway secret, and the real gateway in front of them (serving subscriptions when asked).
 */
export async function startSupergraph(
  options: {
    live?: Omit<NonNullable<GatewayTestOptions['live']>, 'databaseUrl'>;
    /** Deadlines of the gateway's subgraph calls and of the subgraphs' requests, for a crowd on a starved machine. */
    deadlines?: { gatewayMs: number; subgraphMs: number };
  } = {},
): Promise<SupergraphHarness> {
  const db = await createTestDatabase({ seeded: true });
  const gatewaySecret = 'supergraph-test-gateway-secret-0123456789';
  const mailDirectory = await mkdtemp(join(tmpdir(), 'supergraph-mail-'));
  const subgraphs = await startInProcessSubgraphs({
    databaseUrl: db.url,
    jwtSecret: TEST_JWT_SECRET,
    gatewaySecret,
    logger: createLogger('supergraph-test', 'silent'),
    mailDirectory,
    requestTimeoutMs: options.deadlines?.subgraphMs,
  });
  const { urls, servers } = subgraphs;
  // With `live`, subscriptions read the outboxes of this system's own database.
  const live = options.live ? { ...options.live, databaseUrl: db.url } : undefined;
  const gateway = await startGateway(urls, {
    jwtSecret: TEST_JWT_SECRET_TEXT,
    gatewaySecret,
    live,
    timeoutMs: options.deadlines?.gatewayMs,
  });
  return {
    db,
    gateway,
    urls,
    servers,
    gatewaySecret,
    mailDirectory,
    close: async () => {
      await gateway.close();
      await subgraphs.close();
      await db.drop();
      await rm(mailDirectory, { recursive: true, force: true });
    },
  };
}
