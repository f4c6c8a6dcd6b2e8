import { runSubgraphProcess } from '../../platform/src';
import { createOrdersServer } from './server';
import { ordersSubgraph } from './subgraph';

/** The orders subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(ordersSubgraph, (config) => createOrdersServer(config));
