import { port, str } from 'envalid';
import { LOG_LEVELS, loadConfig, positiveInt } from '../../subgraphs/platform/src';

/** The gateway's settings; `<NAME>_URL` (PRODUCTS_URL…) overrides a subgraph's routing URL. */
export function loadGatewayConfig(env = process.env) {
  const raw = loadConfig(
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info' }),
      HOST: str({ default: '127.0.0.1' }),
      GATEWAY_PORT: port({ default: 4000 }),
      SUPERGRAPH_PATH: str({ default: '' }),
      SUBGRAPH_TIMEOUT_MS: positiveInt({ default: 10_000 }),
    },
    env,
  );
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^([A-Z]+)_URL$/.exec(key);
    if (match && value && key !== 'DATABASE_URL' && key !== 'REDIS_URL') {
      try {
        new URL(value);
      } catch {
        throw new Error(`Invalid configuration:\n  ${key}: "${value}" is not a URL`);
      }
      subgraphUrls[match[1].toLowerCase()] = value;
    }
  }
  return {
    nodeEnv: raw.NODE_ENV,
    logLevel: raw.LOG_LEVEL,
    host: raw.HOST,
    port: raw.GATEWAY_PORT,
    supergraphPath: raw.SUPERGRAPH_PATH || undefined,
    subgraphTimeoutMs: raw.SUBGRAPH_TIMEOUT_MS,
    subgraphUrls,
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
