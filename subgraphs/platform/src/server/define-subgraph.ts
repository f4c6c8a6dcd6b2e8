import type { EntityClass } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import { ServiceCredentials } from '../auth/service-credentials';
import type { ExternalTokenSettings } from '../auth/token';
import { loadSubgraphConfig } from '../config/common';
import { openDatabase, type Orm } from '../db/database';
import { pruneIdempotencyRecords } from '../db/idempotency';
import { IdempotencyRecord } from '../db/idempotency-record.entity';
import { pruneRateLimitCounters } from '../db/rate-limit';
import { RateLimitCounter } from '../db/rate-limit-counter.entity';
import { InternalClient } from '../internal/internal-client';
import { createLogger, type Logger } from '../runtime/logger';
import { Metrics } from '../runtime/metrics';
import { EventConsumer } from '../outbox/event-consumer';
import { startPeriodicTask } from '../runtime/periodic-task';
import { runService, type RunningService } from '../runtime/run-service';
import type { RequestContext } from './request-context';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';

/**
 * What scripts and servers need to know about a subgraph, without starting anything. Its
 * migrations are not part of it: a running subgraph never applies them, and they bring the
 * migrator and its command-line dependencies (a few hundred modules) into every process that
 * imports them. The scripts that migrate list them (scripts/lib/subgraphs.ts).
 */
export interface SubgraphInfo {
  name: string;
  defaultPort: number;
  entities: readonly EntityClass<unknown>[];
}

/** The settings every subgraph server is built with; index.ts reads them from the environment. */
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
  /** Every request is answered within this, or its mutation rolls back. Shorter than the gateway's deadline. */
  requestTimeoutMs?: number;
  /** How long a request waits for a database connection. */
  acquireTimeoutMs?: number;
  /** The longest a single SQL statement may run. */
  statementTimeoutMs?: number;
  /** NODE_ENV=production: no introspection, no field suggestions. */
  production?: boolean;
  /** Required by `/metrics` when set. */
  metricsToken?: string | null;
}

/** Below the gateway's 10 s, so the gateway never gives up on a request that commits later. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 8_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
const HOUR_MS = 60 * 60_000;

/** Something started in `setup` that must be stopped when the server closes. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** What a subgraph's `setup` builds with; everything registered here stops when the server closes. */
export interface SetupKit {
  readonly orm: Orm;
  /** The subgraph's database, for a part that keeps a connection of its own (LISTEN for live events). */
  readonly databaseUrl: string;
  readonly logger: Logger;
  /** What this subgraph sends when it calls another one. */
  readonly credentials: ServiceCredentials;
  /** The secret the platform's tokens are signed with, for a subgraph that issues them (sign-in); null: none. */
  readonly jwtSecret: Uint8Array | null;
  /** A client for another subgraph's queries and internal commands. */
  client(subgraph: string, url: string, options?: { timeoutMs?: number }): InternalClient;
  /** Runs `task` every `everyMs` (0: never) while the server runs; runs never overlap. */
  every(name: string, everyMs: number, task: () => Promise<number>): void;
  /** Starts a background part (an event consumer…) and stops it on close, last started first. */
  start<T extends Stoppable & { start(): Promise<void> }>(part: T): Promise<T>;
}

/**
 * One subgraph, declared once: its schema, the settings it reads from the environment, and a
 * `setup` that builds what its requests share (settings, clients, rate limiters) and starts its
 * background work. The platform opens the database, runs `setup`, serves, and on close stops
 * the background work before the server and the database.
 */
export interface SubgraphDefinition<S, C extends RequestContext> {
  info: SubgraphInfo;
  schema(): Promise<GraphQLSchema>;
  /** This subgraph's own environment variables, validated, as settings. */
  settings(env: NodeJS.ProcessEnv): S;
  /** Returns how a request's context is made from the platform's. */
  setup(kit: SetupKit, settings: S): Promise<(base: RequestContext) => C> | ((base: RequestContext) => C);
}

export function defineSubgraph<S, C extends RequestContext>(definition: SubgraphDefinition<S, C>): SubgraphDefinition<S, C> {
  return definition;
}

/** Opens the subgraph's database, runs its setup and builds its server, not yet listening. */
export async function buildSubgraph<S, C extends RequestContext>(
  definition: SubgraphDefinition<S, C>,
  config: SubgraphServerConfig & S,
): Promise<SubgraphServer> {
  const { info } = definition;
  const logger = config.logger;
  const orm = await openDatabase({
    schema: info.name,
    clientUrl: config.databaseUrl,
    entities: [...info.entities],
    poolMax: config.poolMax,
    acquireTimeoutMs: config.acquireTimeoutMs,
    statementTimeoutMs: config.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    logger,
    debug: config.debugSql,
  });
  const parts: Stoppable[] = [];
  const stopParts = async () => {
    for (const part of parts.splice(0).reverse()) await part.stop();
  };
  const credentials = new ServiceCredentials(info.name, config.jwtSecret ?? null, config.gatewaySecret ?? null);
  const kit: SetupKit = {
    orm,
    databaseUrl: config.databaseUrl,
    logger,
    credentials,
    jwtSecret: config.jwtSecret ?? null,
    client: (subgraph, url, options) => new InternalClient({ subgraph, url, credentials, logger, timeoutMs: options?.timeoutMs }),
    every: (name, everyMs, task) => void parts.push(startPeriodicTask(name, everyMs, logger, task)),
    start: async (part) => {
      await part.start();
      parts.push(part);
      return part;
    },
  };
  try {
    const housekeeping = [
      ...(info.entities.includes(IdempotencyRecord) ? [() => pruneIdempotencyRecords(orm.em.fork(), info.name)] : []),
      ...(info.entities.includes(RateLimitCounter) ? [() => pruneRateLimitCounters(orm.em.fork(), info.name)] : []),
    ];
    if (housekeeping.length) {
      kit.every('housekeeping', config.maintenanceMs ?? HOUR_MS, async () => {
        let done = 0;
        for (const chore of housekeeping) done += await chore();
        return done;
      });
    }
    const extendContext = await definition.setup(kit, config);
    const metrics = new Metrics(info.name);
    const consumers = parts.filter((part): part is EventConsumer => part instanceof EventConsumer);
    // A consumer whose source cannot be read is left out of the scrape rather than failing it.
    const backlogs = async () =>
      (
        await Promise.all(
          consumers.map((consumer) =>
            consumer.backlog().then(
              (backlog) => ({ labels: consumer.labels, ...backlog }),
              (error: unknown) => void logger.warn({ err: error, ...consumer.labels }, 'outbox backlog not read'),
            ),
          ),
        )
      ).filter((backlog) => backlog !== undefined);
    metrics.labelledGauge(
      'outbox_lag_seconds',
      'Age of the oldest outbox event a durable consumer has not handled yet, by consumer and the outbox it reads (0: caught up)',
      ['consumer', 'source'],
      async () => (await backlogs()).map(({ labels, lagSeconds }) => ({ labels, value: lagSeconds })),
    );
    metrics.labelledGauge(
      'outbox_events_pending',
      'Outbox events a durable consumer has not handled yet (counted up to 10,000), by consumer and the outbox it reads',
      ['consumer', 'source'],
      async () => (await backlogs()).map(({ labels, pending }) => ({ labels, value: pending })),
    );
    const server = await createSubgraphServer({
      name: info.name,
      schema: await definition.schema(),
      orm,
      logger,
      extendContext,
      jwtSecret: config.jwtSecret,
      externalTokens: config.externalTokens,
      gatewaySecret: config.gatewaySecret,
      requestTimeoutMs: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      production: config.production,
      metricsToken: config.metricsToken,
      metrics,
    });
    return {
      ...server,
      close: async () => {
        await stopParts();
        await server.close();
        await orm.close();
      },
    };
  } catch (error) {
    await stopParts();
    await orm.close();
    throw error;
  }
}

/**
 * One subgraph as a process runs it: reads its settings from `env`, builds its server and
 * listens. Several may share a process (`npm start` runs the five together): each keeps its own
 * port, database pool, logger, metrics and background tasks.
 */
export async function startSubgraph<S, C extends RequestContext>(
  definition: SubgraphDefinition<S, C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService> {
  const { info } = definition;
  const config = loadSubgraphConfig(info.name, info.defaultPort, env);
  const logger = createLogger(info.name, config.logLevel);
  const server = await buildSubgraph(definition, {
    ...definition.settings(env),
    databaseUrl: config.databaseUrl,
    poolMax: config.databasePoolMax,
    debugSql: config.databaseDebug,
    requestTimeoutMs: config.requestTimeoutMs,
    acquireTimeoutMs: config.databaseAcquireTimeoutMs,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    logger,
    jwtSecret: config.jwtSecret,
    externalTokens: config.externalTokens,
    gatewaySecret: config.gatewaySecret,
    production: config.nodeEnv === 'production',
    metricsToken: config.metricsToken,
  });
  let url: string;
  try {
    url = await server.listen(config.port, config.host);
  } catch (error) {
    // A port already taken: stop its background work and close its pool, as the process sharing
    // them (`npm start`'s five together) stops the subgraphs it started before exiting.
    await server.close();
    throw error;
  }
  logger.info({ url: `${url}/graphql` }, `${info.name} subgraph ready`);
  return { logger, close: () => server.close() };
}

/**
 * The whole of a subgraph's `index.ts`: reads the environment, builds the server, listens, and
 * stops cleanly on a signal. A bad setting stops the process with a message naming it.
 */
export function runSubgraph<S, C extends RequestContext>(definition: SubgraphDefinition<S, C>): void {
  runService(definition.info.name, () => startSubgraph(definition));
}
