import { runSubgraph } from '#platform/server';
import { orders } from './server';

/** The orders subgraph process: the only file that reads the environment and listens. */
runSubgraph(orders);
