/**
 * OpenTelemetry traces for the process that imports this first (an `index.ts`): started on import
 * when an OTLP endpoint is set, before the modules it instruments load. Unset, the SDK is not
 * even loaded, so a process without tracing pays nothing for it.
 */
import type { startTracing as StartTracing } from './tracing';

const configured = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);

export const tracing = configured
  ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous on purpose: the hooks must be in place before express, graphql and pg load
    (require('./tracing') as { startTracing: typeof StartTracing }).startTracing()
  : null;
