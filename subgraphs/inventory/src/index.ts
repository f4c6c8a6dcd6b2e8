import { runSubgraph } from '#platform/server';
import { inventory } from './server';

/** The inventory subgraph process: the only file that reads the environment and listens. */
runSubgraph(inventory);
