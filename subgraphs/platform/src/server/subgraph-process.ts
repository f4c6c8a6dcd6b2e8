import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { loadSubgraphConfig, type SubgraphConfig } from '../config/common';
import type { ExternalTokenSettings } from '../auth/token';
import type { RequestContext } from '../context/request-context';
import { openDatabase } from '../db/database';
import { pruneIdempotencyRecords } from '../db/idempotency';
import { IdempotencyRecord } from '../db/idempotency-record.entity';
import { pruneRateLimitCounters } from '../db/rate-limit';
import { RateLimitCounter } from '../db/rate-limit-counter.entity';
import { startPeriodicTask } from './periodic-task';
import { createLogger, type Logger } from '../logging/logger';
import { runService } from './run-service';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';

/** What scripts and servers need to know about a subgraph, without starting anything. */
export interface SubgraphInfo {
  name: string;
  defaultPort: number;
  entities: readonly EntityClass<unknown>[];
  migrations: readonly MigrationObject[];
}

export interface SubgraphServerConfig {
  databaseUrl: string;
  logger: Logger;
  /** HS256 secret the platform's bearer tokens are signed with; null: none is accepted. */
  jwtSecret?: Uint8Array | null;
  /** An external identity provider whose RS256/ES256 tokens are accepted too. */
  externalTokens?: ExternalTokenSettings | null;
  /** The shared secret the gateway sends; null: the subgraph answers any caller. */
  gatewaySecret?: string | null;
  poolMax?: number;
  debugSql?: boolean;
  /** How often housekeeping (forgetting old idempotency keys and spent rate-limit counters) runs; 0 turns it off. Hourly by default. */
  maintenanceMs?: number;
}

const HOUR_MS = 60 * 60_000;

/** Opens the subgraph's database and builds its server, not yet listening. */
export async function buildSubgraphServer<C extends RequestContext>(
  info: SubgraphInfo,
  config: SubgraphServerConfig,
  schema: GraphQLSchema,
  extendContext: (base: RequestContext) => C,
): Promise<SubgraphServer> {
  const orm = await openDatabase({
    schema: info.name,
    clientUrl: config.databaseUrl,
    entities: [...info.entities],
    migrations: [...info.migrations],
    poolMax: config.poolMax,
    logger: config.logger,
    debug: config.debugSql,
  });
  let server: SubgraphServer;
  try {
    server = await createSubgraphServer({
      name: info.name,
      schema,
      orm,
      logger: config.logger,
      extendContext,
      jwtSecret: config.jwtSecret,
      externalTokens: config.externalTokens,
      gatewaySecret: config.gatewaySecret,
    });
  } catch (error) {
    await orm.close();
    throw error;
  }
  const chores = [
    ...(info.entities.includes(IdempotencyRecord) ? [() => pruneIdempotencyRecords(orm.em.fork(), info.name)] : []),
    ...(info.entities.includes(RateLimitCounter) ? [() => pruneRateLimitCounters(orm.em.fork(), info.name)] : []),
  ];
  if (chores.length === 0) return server;
  const housekeeping = startPeriodicTask('housekeeping', config.maintenanceMs ?? HOUR_MS, config.logger, async () => {
    let done = 0;
    for (const chore of chores) done += await chore();
    return done;
  });
  return {
    ...server,
    close: async () => {
      await housekeeping.stop();
      await server.close();
    },
  };
}

/**
 * The body of a subgraph's `index.ts`: reads its configuration, builds the server, listens,
 * and stops cleanly on a signal.
 */
export function runSubgraphProcess(
  info: SubgraphInfo,
  build: (config: SubgraphServerConfig, env: SubgraphConfig) => Promise<SubgraphServer>,
): void {
  runService(info.name, async () => {
    const env = loadSubgraphConfig(info.name, info.defaultPort);
    const logger = createLogger(info.name, env.logLevel);
    const server = await build(
      {
        databaseUrl: env.databaseUrl,
        poolMax: env.databasePoolMax,
        debugSql: env.databaseDebug,
        logger,
        jwtSecret: env.jwtSecret,
        externalTokens: env.externalTokens,
        gatewaySecret: env.gatewaySecret,
      },
      env,
    );
    const url = await server.listen(env.port, env.host);
    logger.info({ url: `${url}/graphql` }, `${info.name} subgraph ready`);
    return { logger, close: () => server.close() };
  });
}
