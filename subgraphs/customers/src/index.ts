import { runSubgraphProcess } from '../../platform/src';
import { createCustomersServer } from './server';
import { customersSubgraph } from './subgraph';

/** The customers subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(customersSubgraph, (config) => createCustomersServer(config));
