import { runSubgraph } from '#platform/server';
import { customers } from './server';

/** The customers subgraph process: the only file that reads the environment and listens. */
runSubgraph(customers);
