import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process: Node's own metrics (event loop lag, heap, GC) and what
 * the gateway and subgraphs record (requests by operation and outcome, latency, subgraph fetch
 * latency and fetches shared, rate-limited requests, database pool, subscribers), served at `/metrics`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation' | 'outcome'>;
  readonly subgraphFetchSeconds: Histogram<'subgraph' | 'outcome'>;
  readonly subgraphFetchesShared: Counter<'subgraph'>;
  readonly rateLimited: Counter<'reason'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok, error, refused)',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.requestSeconds = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.subgraphFetchSeconds = new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Time of one gateway → subgraph call',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.subgraphFetchesShared = new Counter({
      name: 'gateway_subgraph_fetches_shared_total',
      help: 'Gateway → subgraph queries answered by an identical request already in flight instead of a call of their own',
      labelNames: ['subgraph'],
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'graphql_rate_limited_total',
      help: 'Requests refused by a limit before running: throttled, or over a depth, alias, token or cost limit',
      labelNames: ['reason'],
      registers: [this.registry],
    });
  }

  /** A gauge read when scraped (pool in use, subscribers connected, outbox lag…). */
  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** A labelled gauge read when scraped: `read` gives one value per label set (outbox lag per consumer…). */
  labelledGauge<L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    read: () => Promise<{ labels: Record<L, string>; value: number }[]>,
  ): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await read()) this.set(labels as Partial<Record<L, string>>, value);
      },
    });
  }

  /** Counts and times each GraphQL request by its operation name and outcome. */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    const limitCodes = new Set([
      'THROTTLED',
      'MAX_COST_EXCEEDED',
      'MAX_DEPTH_EXCEEDED',
      'MAX_ALIASES_EXCEEDED',
      'MAX_TOKENS_EXCEEDED',
      'MAX_DIRECTIVES_EXCEEDED',
    ]);
    return {
      requestDidStart: async () => {
        const end = this.requestSeconds.startTimer();
        return {
          willSendResponse: async ({ operationName, response }) => {
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            const limit = errors.map((e) => String(e.extensions?.code)).find((code) => limitCodes.has(code));
            if (limit) this.rateLimited.inc({ reason: limit });
            const outcome = limit ? 'refused' : errors.length ? 'error' : 'ok';
            // Operation names are the client's; unnamed ones are counted together.
            const operation = (operationName ?? 'anonymous').slice(0, 64);
            this.requests.inc({ operation, outcome });
            end({ operation, outcome });
          },
        };
      },
    };
  }

  /**
   * `GET /metrics` in Prometheus's text format. With a token (required in production), only a
   * scraper sending `Authorization: Bearer <token>` gets it.
   */
  router(token: string | null): Router {
    const router = Router();
    router.get('/metrics', async (req, res) => {
      if (token) {
        const given = Buffer.from(req.get('authorization') ?? '');
        const expected = Buffer.from(`Bearer ${token}`);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.status(401).json({ errors: [{ message: 'Metrics need the metrics token', extensions: { code: 'UNAUTHENTICATED' } }] });
          return;
        }
      }
      res.set('content-type', this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }
}
