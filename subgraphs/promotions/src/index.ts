import { runSubgraphProcess } from '../../platform/src';
import { createPromotionsServer } from './server';
import { promotionsSubgraph } from './subgraph';

/** The promotions subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(promotionsSubgraph, (config) => createPromotionsServer(config));
