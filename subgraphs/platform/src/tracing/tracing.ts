import { basename, dirname } from 'node:path';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** Paths whose requests are not traced: probes and scrapes would drown the traces that matter. */
const UNTRACED_PATHS = /^\/(health\/|metrics)/;

/**
 * The process's name in traces: OTEL_SERVICE_NAME, else the folder of its entry point
 * (`dist/gateway/src/index.js` is "gateway", `dist/subgraphs/products/src/index.js` "products").
 */
function serviceName(env: NodeJS.ProcessEnv): string {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const entry = process.argv[1] ?? '';
  return basename(dirname(dirname(entry))) || 'commerce';
}

/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT
 * or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; the standard OTEL_* variables tune the rest). Spans
 * for incoming HTTP (Express routes under it), outgoing fetch calls (gateway → subgraph, subgraph
 * → subgraph, which carry W3C `traceparent`), GraphQL parse, validate and execute, and each SQL
 * statement, sent as OTLP/HTTP JSON in batches. Must start before express, graphql and pg load:
 * the instrumentations hook `require`. Answers whether tracing is on.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): NodeSDK | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  if (env.OTEL_SDK_DISABLED === 'true') return null;
  // Metrics are Prometheus's (/metrics) and logs pino's; only traces go out over OTLP.
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  const sdk = new NodeSDK({
    serviceName: serviceName(env),
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
      new UndiciInstrumentation(),
      new ExpressInstrumentation(),
      // Resolver spans only where a resolver does work of its own, not for every plain property.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  // Sends what is still batched when the process is told to stop.
  const flush = () => void sdk.shutdown().catch(() => {});
  process.once('SIGINT', flush);
  process.once('SIGTERM', flush);
  return sdk;
}
