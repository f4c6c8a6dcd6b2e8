// First: tracing hooks http, express, graphql and pg as they load (off without OTEL_EXPORTER_OTLP_ENDPOINT).
import '#platform/tracing';
import { createLogger, runService, type RunningService } from '#platform/runtime';
import { startSubgraph } from '#platform/server';
import { customers } from '../subgraphs/customers/src/server';
import { inventory } from '../subgraphs/inventory/src/server';
import { orders } from '../subgraphs/orders/src/server';
import { products } from '../subgraphs/products/src/server';
import { promotions } from '../subgraphs/promotions/src/server';

/**
 * The five subgraphs in one process, as `npm start` runs them by default (SUBGRAPH_LAYOUT=together).
 * Each is what its own `index.ts` starts, on its own port with its own database pool, logger and
 * background tasks, read from the same environment; only the process is shared. On one machine
 * that saves a quarter to a third of a checkout's CPU against five processes (README,
 * "Performance"): no process switches between the parts, one runtime's overhead instead of five,
 * and calls between them made without a socket (the internal client finds a callee this process
 * serves). Each still listens on its port for the gateway, so any of them can move to a process
 * of its own (SUBGRAPH_LAYOUT=apart, or the production image) without a change.
 *
 * They start one after another, in the order they call each other; if one cannot start, those
 * already started are stopped and the process exits as a subgraph's own would.
 */
runService('subgraphs', async () => {
  const started: RunningService[] = [];
  const stopAll = async () => {
    for (const service of [...started].reverse()) await service.close();
  };
  try {
    // One call per subgraph: each definition has its own settings and context types.
    started.push(await startSubgraph(products));
    started.push(await startSubgraph(inventory));
    started.push(await startSubgraph(customers));
    started.push(await startSubgraph(promotions));
    started.push(await startSubgraph(orders));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { logger: createLogger('subgraphs'), close: stopAll };
});
