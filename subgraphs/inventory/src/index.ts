// First: tracing hooks http, express, graphql and pg as they load (off without OTEL_EXPORTER_OTLP_ENDPOINT).
import '#platform/tracing';
import { runSubgraph } from '#platform/server';
import { inventory } from './server';

/** The inventory subgraph process: the only file that reads the environment and listens. */
runSubgraph(inventory);
