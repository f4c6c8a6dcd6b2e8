import { runSubgraph } from '#platform/server';
import { promotions } from './server';

/** The promotions subgraph process: the only file that reads the environment and listens. */
runSubgraph(promotions);
