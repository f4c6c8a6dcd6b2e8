import { createLogger, type HttpService } from '../../subgraphs/platform/src';
import { createGatewayServer } from '../../gateway/src/server';
import { loadSupergraph } from '../../gateway/src/supergraph';

/** The real gateway over the committed supergraph, in this process, on a free port. */
export async function startGateway(subgraphUrls: Record<string, string>, options: { landingPage?: boolean } = {}): Promise<{ url: string; server: HttpService }> {
  const server = await createGatewayServer({
    supergraph: await loadSupergraph(),
    subgraphUrls,
    timeoutMs: 5_000,
    logger: createLogger('gateway-test', 'silent'),
    landingPage: options.landingPage ?? false,
  });
  const base = await server.listen(0);
  return { url: `${base}/graphql`, server };
}
