import { runSubgraphProcess } from '../../platform/src';
import { createInventoryServer } from './server';
import { inventorySubgraph } from './subgraph';

/** The inventory subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(inventorySubgraph, (config) => createInventoryServer(config));
