import { runSubgraph } from '#platform/server';
import { products } from './server';

/** The products subgraph process: the only file that reads the environment and listens. */
runSubgraph(products);
