import { createLogger, runService } from '../../subgraphs/platform/src';
import { loadGatewayConfig } from './config';
import { createGatewayServer } from './server';
import { loadSupergraph } from './supergraph';

/** The gateway process: the only gateway file that reads the environment and listens. */
runService('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  const supergraph = await loadSupergraph(config.supergraphPath);
  const server = await createGatewayServer({
    supergraph,
    subgraphUrls: config.subgraphUrls,
    timeoutMs: config.subgraphTimeoutMs,
    logger,
    landingPage: config.nodeEnv === 'development',
  });
  const url = await server.listen(config.port, config.host);
  logger.info({ url: `${url}/graphql` }, 'gateway ready');
  return { logger, close: () => server.close() };
});
